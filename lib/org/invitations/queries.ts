import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage, type TPageQuery } from "@/lib/http/pagination";
import { invitationSelect } from "@/lib/org/invitations/service";
import { USERS_PER_PAGE } from "@/lib/org/users/schema";
import { hashLinkToken, isLinkToken } from "@/lib/org/users/tokens";

// Company-scoped reads of invitations (never the token hash), and the public look-up by token.

/** Invitations not yet accepted or revoked (expired ones included: they can be resent). */
function openWhere(companyId: string, filters: { q?: string; departmentId?: string; roleId?: string } = {}): Prisma.InvitationWhereInput {
  return {
    companyId,
    acceptedAt: null,
    revokedAt: null,
    ...(filters.q ? { email: { contains: filters.q.trim(), mode: "insensitive" } } : {}),
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.roleId ? { roleIds: { has: filters.roleId } } : {}),
  };
}

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;
const withStatus = (row: InvitationRow) => ({
  ...row,
  status: row.acceptedAt ? "accepted" : row.revokedAt ? "revoked" : row.expiresAt <= new Date() ? "expired" : "pending",
});

/** A cursor page of open invitations, newest first (GET /api/v1/invitations). */
export async function listInvitations(companyId: string, page: TPageQuery) {
  const rows = await db.invitation.findMany({
    where: openWhere(companyId),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(page),
    select: invitationSelect,
  });
  const { data, nextCursor } = toPage(rows, page.limit);
  return { data: data.map(withStatus), nextCursor };
}

export type PendingInvitationRow = ReturnType<typeof withStatus> & { roles: string[]; department: string | null; invitedBy: string | null };

/** One page of open invitations for the People page, with role, department and inviter names. */
export async function listPendingInvitationsPage(
  companyId: string,
  options: { q?: string; departmentId?: string; roleId?: string; page: number },
): Promise<{ rows: PendingInvitationRow[]; total: number }> {
  const where = openWhere(companyId, options);
  const [rows, total, roles, departments] = await Promise.all([
    db.invitation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: { ...invitationSelect, invitedBy: { select: { firstName: true, lastName: true, email: true } } },
    }),
    db.invitation.count({ where }),
    db.role.findMany({ where: { companyId }, select: { id: true, name: true } }),
    db.department.findMany({ where: { companyId }, select: { id: true, name: true } }),
  ]);
  const roleNames = new Map(roles.map((role) => [role.id, role.name]));
  const departmentNames = new Map(departments.map((department) => [department.id, department.name]));
  return {
    total,
    rows: rows.map(({ invitedBy, ...row }) => ({
      ...withStatus(row),
      roles: row.roleIds.flatMap((id) => roleNames.get(id) ?? []).sort(),
      department: row.departmentId ? (departmentNames.get(row.departmentId) ?? null) : null,
      invitedBy: invitedBy ? `${invitedBy.firstName} ${invitedBy.lastName}`.trim() || invitedBy.email : null,
    })),
  };
}

/** How many invitations are waiting for an answer (for the People page's link). */
export function countOpenInvitations(companyId: string): Promise<number> {
  return db.invitation.count({ where: openWhere(companyId) });
}

/** The public invitation page: the company and email of a usable invitation, or null for any other token. */
export async function findUsableInvitation(token: string): Promise<{ email: string; companyName: string; expiresAt: Date } | null> {
  if (!isLinkToken(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { email: true, expiresAt: true, acceptedAt: true, revokedAt: true, company: { select: { name: true, isActive: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date() || !invitation.company.isActive) return null;
  return { email: invitation.email, companyName: invitation.company.name, expiresAt: invitation.expiresAt };
}
