import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TPageQuery } from "@/lib/http/pagination";
import { toPage } from "@/lib/http/pagination";

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

/** A page of the company's users, by email. Never returns password hashes. */
export async function listUsers(companyId: string, page: TPageQuery) {
  const rows = await db.user.findMany({
    where: { companyId },
    orderBy: [{ email: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
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
