import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage, type TPageQuery } from "@/lib/http/pagination";
import { buildTree, flattenTree } from "@/lib/org/department-tree";
import { USERS_PER_PAGE, type TUserApiFilters, type TUserListQuery } from "@/lib/org/users/schema";

// Company-scoped reads of people. Never returns password hashes.

const userSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  systemRole: true,
  isActive: true,
  departmentId: true,
  managerId: true,
  lastLoginAt: true,
  createdAt: true,
  roles: { select: { roleId: true } },
} as const;

type UserRow = { roles: { roleId: string }[] } & Record<string, unknown>;
const toDto = <T extends UserRow>({ roles, ...user }: T) => ({ ...user, roleIds: roles.map((role) => role.roleId) });

/** Every word of the search must match the first name, last name or email ("sarah adm" finds Sarah Admin). */
function searchWhere(q: string | undefined): Prisma.UserWhereInput[] {
  const words = (q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
  return words.map((word) => ({
    OR: [
      { email: { contains: word, mode: "insensitive" } },
      { firstName: { contains: word, mode: "insensitive" } },
      { lastName: { contains: word, mode: "insensitive" } },
    ],
  }));
}

function userWhere(companyId: string, filters: { q?: string; departmentId?: string; roleId?: string; status?: "active" | "deactivated" }): Prisma.UserWhereInput {
  return {
    companyId,
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.roleId ? { roles: { some: { roleId: filters.roleId, companyId } } } : {}),
    ...(filters.status ? { isActive: filters.status === "active" } : {}),
    AND: searchWhere(filters.q),
  };
}

const SORTS: Record<TUserListQuery["sort"], (dir: "asc" | "desc") => Prisma.UserOrderByWithRelationInput[]> = {
  name: (dir) => [{ firstName: dir }, { lastName: dir }, { email: "asc" }, { id: "asc" }],
  email: (dir) => [{ email: dir }, { id: "asc" }],
  lastSignIn: (dir) => [{ lastLoginAt: { sort: dir, nulls: "last" } }, { email: "asc" }, { id: "asc" }],
};

export type PeopleRow = {
  id: string;
  email: string;
  name: string;
  systemRole: string;
  isActive: boolean;
  department: string | null;
  roles: string[];
  lastLoginAt: Date | null;
};

/** One page (50 rows) of the People table with the total, for page numbers. */
export async function listPeoplePage(companyId: string, query: TUserListQuery): Promise<{ rows: PeopleRow[]; total: number }> {
  const where = userWhere(companyId, {
    q: query.q,
    departmentId: query.department,
    roleId: query.role,
    status: query.status === "invited" ? undefined : query.status,
  });
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: SORTS[query.sort](query.dir),
      skip: (query.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: {
        id: true,
        email: true,
        firstName: true,
        lastName: true,
        systemRole: true,
        isActive: true,
        lastLoginAt: true,
        department: { select: { name: true } },
        roles: { where: { companyId }, select: { role: { select: { name: true } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: `${row.firstName} ${row.lastName}`.trim(),
      systemRole: row.systemRole,
      isActive: row.isActive,
      department: row.department?.name ?? null,
      roles: row.roles.map((entry) => entry.role.name).sort(),
      lastLoginAt: row.lastLoginAt,
    })),
  };
}

/** A cursor page of the company's users, by email (GET /api/v1/users). */
export async function listUsers(companyId: string, page: TPageQuery, filters: TUserApiFilters = {}) {
  const rows = await db.user.findMany({
    where: userWhere(companyId, filters),
    orderBy: [{ email: "asc" }, { id: "asc" }],
    ...pageArgs(page),
    select: userSelect,
  });
  const { data, nextCursor } = toPage(rows, page.limit);
  return { data: data.map(toDto), nextCursor };
}

/** One user of the company; a foreign or unknown id is the same 404. */
export async function getUser(companyId: string, userId: string) {
  const user = await db.user.findFirst({ where: { id: userId, companyId }, select: userSelect });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  return toDto(user);
}

/** The user detail page: the user with names of their department, manager and roles. */
export async function getUserDetail(companyId: string, userId: string) {
  const user = await db.user.findFirst({
    where: { id: userId, companyId },
    select: {
      ...userSelect,
      roles: { where: { companyId }, select: { roleId: true } },
      department: { select: { name: true } },
      manager: { select: { firstName: true, lastName: true, email: true } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  const { department, manager, _count, ...rest } = user;
  return {
    ...toDto(rest),
    departmentName: department?.name ?? null,
    managerName: manager ? `${manager.firstName} ${manager.lastName}`.trim() || manager.email : null,
    liveSessions: _count.sessions,
  };
}

/** The company's roles, for multi-selects and filters. */
export async function listRoleOptions(companyId: string) {
  return db.role.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The company's departments in tree order with their depth, for selects that indent them. */
export async function listDepartmentOptions(companyId: string): Promise<{ id: string; name: string; depth: number }[]> {
  const rows = await db.department.findMany({ where: { companyId }, select: { id: true, name: true, parentId: true } });
  return flattenTree(buildTree(rows)).map(({ id, name, depth }) => ({ id, name, depth }));
}

/** The signed-in person's own name and email, for the profile page. */
export async function getOwnProfile(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { firstName: true, lastName: true, email: true } });
}
