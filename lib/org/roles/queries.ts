import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { pageArgs, toPage, type TPageQuery } from "@/lib/http/pagination";

function permissionsOf(value: unknown): Permission[] {
  return Array.isArray(value) ? value.filter((entry): entry is Permission => typeof entry === "string" && isPermission(entry)) : [];
}

/** The company's roles with their department, member count and permissions. */
export async function listRoles(companyId: string, page?: TPageQuery) {
  const roles = await db.role.findMany({
    where: { companyId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...(page ? pageArgs(page) : {}),
    select: {
      id: true,
      name: true,
      description: true,
      departmentId: true,
      permissions: true,
      department: { select: { name: true } },
      _count: { select: { users: true } },
    },
  });
  return roles.map(({ department, _count, permissions, ...role }) => ({
    ...role,
    permissions: permissionsOf(permissions),
    departmentName: department?.name ?? null,
    members: _count.users,
  }));
}

/** One role with its members; a foreign or unknown id is the same 404. */
export async function getRole(companyId: string, id: string) {
  const role = await db.role.findFirst({
    where: { id, companyId },
    select: {
      id: true,
      name: true,
      description: true,
      departmentId: true,
      permissions: true,
      createdAt: true,
      updatedAt: true,
      users: { select: { user: { select: { id: true, firstName: true, lastName: true, email: true, isActive: true } } } },
    },
  });
  if (!role) throw new AppError("NOT_FOUND", "Role not found.");
  const { users, permissions, ...rest } = role;
  return { ...rest, permissions: permissionsOf(permissions), members: users.map((entry) => entry.user) };
}

/** A page of roles by name, for the API (cursor = the last id seen). */
export async function listRolesPage(companyId: string, page: TPageQuery) {
  return toPage(await listRoles(companyId, page), page.limit);
}
