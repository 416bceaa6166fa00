import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pageArgs, toPage, type TPageQuery } from "@/lib/http/pagination";

export type DepartmentRow = {
  id: string;
  name: string;
  description: string | null;
  parentId: string | null;
  headId: string | null;
  headName: string | null;
  members: number;
  roles: number;
  children: number;
};

/** Every department of the company with its counts (companies have tens to hundreds of departments). */
export async function listDepartments(companyId: string): Promise<DepartmentRow[]> {
  return listDepartmentRows(companyId);
}

/** A page of departments by name, for the API (cursor = the last id seen). */
export async function listDepartmentsPage(companyId: string, page: TPageQuery) {
  return toPage(await listDepartmentRows(companyId, page), page.limit);
}

async function listDepartmentRows(companyId: string, page?: TPageQuery): Promise<DepartmentRow[]> {
  const rows = await db.department.findMany({
    where: { companyId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...(page ? pageArgs(page) : {}),
    select: {
      id: true,
      name: true,
      description: true,
      parentId: true,
      headId: true,
      head: { select: { firstName: true, lastName: true } },
      _count: { select: { members: true, roles: true, children: true } },
    },
  });
  return rows.map(({ head, _count, ...row }) => ({
    ...row,
    headName: head ? `${head.firstName} ${head.lastName}`.trim() : null,
    members: _count.members,
    roles: _count.roles,
    children: _count.children,
  }));
}

/** One department with its members; a foreign or unknown id is the same 404. */
export async function getDepartment(companyId: string, id: string) {
  const department = await db.department.findFirst({
    where: { id, companyId },
    select: {
      id: true,
      name: true,
      description: true,
      parentId: true,
      headId: true,
      createdAt: true,
      updatedAt: true,
      members: { orderBy: { firstName: "asc" }, select: { id: true, firstName: true, lastName: true, email: true, systemRole: true, isActive: true } },
      roles: { orderBy: { name: "asc" }, select: { id: true, name: true } },
    },
  });
  if (!department) throw new AppError("NOT_FOUND", "Department not found.");
  return department;
}

/** Active people of the company, for pickers (department head, manager). */
export async function listPeopleOptions(companyId: string) {
  const people = await db.user.findMany({
    where: { companyId, isActive: true },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    select: { id: true, firstName: true, lastName: true, email: true },
  });
  return people.map((person) => ({ id: person.id, label: `${person.firstName} ${person.lastName}`.trim() || person.email, email: person.email }));
}
