import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { actorSystemRole, assertCanChangeRole, assertDepartmentInCompany, assertRolesInCompany } from "@/lib/org/users/checks";
import { accountElsewhereMail, invitationMail } from "@/lib/org/users/mails";
import type { ZAcceptInvitation, ZInvitationId, ZInviteUser } from "@/lib/org/users/schema";
import { createLinkToken, hashLinkToken } from "@/lib/org/users/tokens";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

// Invitations: an emailed, single-use, expiring link (only its sha256 is stored) that lets a person
// join a company by choosing their name and password.

export const INVITATION_TTL_MS = 7 * 86_400_000;
export const INVALID_INVITATION = "This invitation link is invalid, has already been used, was revoked or has expired. Ask your administrator for a new one.";

/** What the API and the UI see of an invitation: never the token or its hash. */
export const invitationSelect = {
  id: true,
  email: true,
  systemRole: true,
  roleIds: true,
  departmentId: true,
  invitedById: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

const EMAIL_TAKEN = "Someone with this email already has an account.";

async function loadOpenInvitation(tx: Tx, companyId: string, id: string) {
  const invitation = await tx.invitation.findFirst({ where: { id, companyId }, select: invitationSelect });
  if (!invitation) throw new AppError("NOT_FOUND", "Invitation not found.");
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation has already been accepted.");
  if (invitation.revokedAt) throw new AppError("CONFLICT", "This invitation has been revoked.");
  return invitation;
}

/**
 * Whether the email belongs to an account of ANOTHER company. Emails are unique across companies, so
 * telling the inviter "taken" would reveal that someone has an account elsewhere: instead the
 * invitation goes ahead as usual for the inviter and the address receives a note instead of a link.
 */
async function accountElsewhere(tx: Tx, companyId: string, email: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { email }, select: { companyId: true } });
  if (user?.companyId === companyId) throw new AppError("VALIDATION", EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
  return Boolean(user);
}

async function mailInvitation(ctx: ServiceContext, invitation: { email: string; expiresAt: Date; elsewhere: boolean }, token: string) {
  const [company, inviter] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { name: true } }),
    ctx.actorId ? db.user.findUnique({ where: { id: ctx.actorId }, select: { firstName: true, lastName: true } }) : null,
  ]);
  const inviterName = inviter ? `${inviter.firstName} ${inviter.lastName}`.trim() || null : null;
  if (invitation.elsewhere) return sendMail({ companyId: ctx.companyId, to: [invitation.email], ...accountElsewhereMail({ companyName: company.name, inviterName, signInUrl: `${env().APP_URL}/sign-in` }) });
  const content = invitationMail({ companyName: company.name, inviterName, link: `${env().APP_URL}/invitations/${token}`, expiresAt: invitation.expiresAt });
  return sendMail({ companyId: ctx.companyId, to: [invitation.email], ...content, secrets: [token] });
}

/**
 * Invites a person by email. Refuses an email that already has an account in this company (field
 * error; an account elsewhere is not revealed, see accountElsewhere) and system roles the actor may
 * not grant; a pending invitation for the same email is revoked. The mail is sent after the commit
 * (its outcome is returned, a failure does not undo the invitation).
 */
export async function inviteUser(ctx: ServiceContext, input: z.output<typeof ZInviteUser>) {
  const { token, tokenHash } = createLinkToken();
  const invitation = await inTransaction(ctx, async (tx, audit) => {
    // Two invitations of the same email at the same moment: the second waits, then revokes the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`flowright.invite:${ctx.companyId}:${input.email}`}))`;
    assertCanChangeRole(await actorSystemRole(tx, ctx), "EMPLOYEE", input.systemRole);
    const elsewhere = await accountElsewhere(tx, ctx.companyId, input.email);
    await assertDepartmentInCompany(tx, ctx.companyId, input.departmentId);
    await assertRolesInCompany(tx, ctx.companyId, input.roleIds);
    const pending = await tx.invitation.findMany({ where: { companyId: ctx.companyId, email: input.email, acceptedAt: null, revokedAt: null }, select: invitationSelect });
    for (const old of pending) {
      const revoked = await tx.invitation.update({ where: { id: old.id }, data: { revokedAt: new Date() }, select: invitationSelect });
      await audit({ action: "invitation.revoked", entity: "Invitation", entityId: old.id, before: old, after: revoked, metadata: { reason: "re-invited" } });
    }
    const created = await tx.invitation.create({
      data: { companyId: ctx.companyId, email: input.email, tokenHash, systemRole: input.systemRole, roleIds: input.roleIds, departmentId: input.departmentId, invitedById: ctx.actorId, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
      select: invitationSelect,
    });
    await audit({ action: "invitation.created", entity: "Invitation", entityId: created.id, after: created });
    return { created, elsewhere };
  });
  const mail = await mailInvitation(ctx, { ...invitation.created, elsewhere: invitation.elsewhere }, token);
  return { invitation: invitation.created, mail };
}

/** Sends a pending invitation again with a new link (the old link stops working) and a new 7-day expiry. */
export async function resendInvitation(ctx: ServiceContext, input: z.output<typeof ZInvitationId>) {
  const { token, tokenHash } = createLinkToken();
  const invitation = await inTransaction(ctx, async (tx, audit) => {
    const before = await loadOpenInvitation(tx, ctx.companyId, input.id);
    const elsewhere = await accountElsewhere(tx, ctx.companyId, before.email);
    const after = await tx.invitation.update({ where: { id: before.id }, data: { tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) }, select: invitationSelect });
    await audit({ action: "invitation.resent", entity: "Invitation", entityId: before.id, before, after });
    return { after, elsewhere };
  });
  const mail = await mailInvitation(ctx, { ...invitation.after, elsewhere: invitation.elsewhere }, token);
  return { invitation: invitation.after, mail };
}

/** Revokes a pending invitation: its link stops working. */
export async function revokeInvitation(ctx: ServiceContext, input: z.output<typeof ZInvitationId>) {
  return inTransaction(ctx, async (tx, audit) => {
    const before = await loadOpenInvitation(tx, ctx.companyId, input.id);
    const after = await tx.invitation.update({ where: { id: before.id }, data: { revokedAt: new Date() }, select: invitationSelect });
    await audit({ action: "invitation.revoked", entity: "Invitation", entityId: before.id, before, after });
    return after;
  });
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/**
 * Accepts an invitation (public: the token is the authority): creates the user with the invited
 * roles and department, marks the invitation accepted and audits it — all in one transaction. Of two
 * concurrent acceptances exactly one creates the user.
 */
export async function acceptInvitation(input: z.output<typeof ZAcceptInvitation>, meta: { ipAddress: string | null; userAgent: string | null }) {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashLinkToken(input.token) }, select: { ...invitationSelect, companyId: true, company: { select: { isActive: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date() || !invitation.company.isActive) throw new AppError("NOT_FOUND", INVALID_INVITATION);
  const passwordHash = await hashPassword(input.password);
  const ctx: ServiceContext = { companyId: invitation.companyId, actorId: null, actorType: "USER", ipAddress: meta.ipAddress, userAgent: meta.userAgent, principal: null };
  try {
    return await inTransaction(ctx, async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_INVITATION);
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
      }
      // Roles or the department may have been deleted since the invitation was sent: keep what exists.
      const roles = await tx.role.findMany({ where: { companyId: invitation.companyId, id: { in: invitation.roleIds } }, select: { id: true } });
      const department = invitation.departmentId ? await tx.department.findFirst({ where: { id: invitation.departmentId, companyId: invitation.companyId }, select: { id: true } }) : null;
      const user = await tx.user.create({
        data: {
          companyId: invitation.companyId,
          email: invitation.email.toLowerCase(),
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          systemRole: invitation.systemRole,
          departmentId: department?.id ?? null,
        },
        select: { id: true, email: true, firstName: true, lastName: true, systemRole: true, isActive: true, departmentId: true },
      });
      await tx.userRole.createMany({ data: roles.map((role) => ({ userId: user.id, roleId: role.id, companyId: invitation.companyId })) });
      // The new person is the actor of their own acceptance; the entry is written with them as such.
      const asInvitee = { ...ctx, actorId: user.id };
      const roleIds = roles.map((role) => role.id).sort();
      await recordAudit(tx, asInvitee, { action: "user.created", entity: "User", entityId: user.id, after: { ...user, roleIds }, metadata: { invitationId: invitation.id } });
      await recordAudit(tx, asInvitee, { action: "invitation.accepted", entity: "Invitation", entityId: invitation.id, metadata: { userId: user.id } });
      return { userId: user.id, email: user.email, companyId: invitation.companyId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    throw error;
  }
}
