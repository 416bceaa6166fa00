import "server-only";
import type { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ZChangePassword, ZResetPassword, ZUpdateProfile } from "@/lib/org/users/schema";
import { hashLinkToken } from "@/lib/org/users/tokens";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

// A person's own account: their name, their password, and the public "choose a new password" link.

export const INVALID_RESET_LINK = "This password reset link is invalid, has already been used or has expired. Ask an administrator for a new one.";

function requireActor(ctx: ServiceContext): string {
  if (!ctx.actorId || ctx.actorType !== "USER") throw new AppError("FORBIDDEN", "Only a signed-in person can change their own account.");
  return ctx.actorId;
}

/** Changes the acting person's own first and last name. */
export async function updateOwnProfile(ctx: ServiceContext, input: z.output<typeof ZUpdateProfile>) {
  const userId = requireActor(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const select = { id: true, firstName: true, lastName: true } as const;
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select });
    const after = await tx.user.update({ where: { id: userId }, data: { firstName: input.firstName, lastName: input.lastName }, select });
    await audit({ action: "user.profile_updated", entity: "User", entityId: userId, before, after });
    return after;
  });
}

/**
 * Changes the acting person's own password. The current password is required; every other session
 * of theirs ends, the one making the change (`keepSessionId`) stays signed in.
 */
export async function changeOwnPassword(ctx: ServiceContext, input: z.output<typeof ZChangePassword>, options: { keepSessionId: string }) {
  const userId = requireActor(ctx);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", "Your current password is not correct.", { fieldErrors: { currentPassword: ["Your current password is not correct."] } });
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx, audit) => {
    // Compare-and-set: a concurrent change since the check above wins, this one is refused.
    const changed = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Your password was changed meanwhile. Reload the page and try again.");
    const revoked = await tx.session.updateMany({ where: { userId, revokedAt: null, id: { not: options.keepSessionId } }, data: { revokedAt: new Date() } });
    await audit({ action: "user.password_changed", entity: "User", entityId: userId, metadata: { otherSessionsRevoked: revoked.count } });
    return { otherSessionsRevoked: revoked.count };
  });
}

/**
 * Sets a new password through an emailed reset link (public: the token is the authority). The link
 * works once, for an active user, before it expires; every session of the user ends.
 */
export async function resetPasswordWithToken(input: z.output<typeof ZResetPassword>, meta: { ipAddress: string | null; userAgent: string | null }) {
  const tokenHash = hashLinkToken(input.token);
  const token = await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true, companyId: true, userId: true, usedAt: true, expiresAt: true } });
  if (!token || token.usedAt || token.expiresAt <= new Date()) throw new AppError("NOT_FOUND", INVALID_RESET_LINK);
  const passwordHash = await hashPassword(input.password);
  const ctx: ServiceContext = { companyId: token.companyId, actorId: token.userId, actorType: "USER", ipAddress: meta.ipAddress, userAgent: meta.userAgent, principal: null };
  return inTransaction(ctx, async (tx, audit) => {
    // Claim the token: of two concurrent uses, the second finds it used and is refused.
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: token.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_RESET_LINK);
    const updated = await tx.user.updateMany({ where: { id: token.userId, companyId: token.companyId, isActive: true }, data: { passwordHash } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", INVALID_RESET_LINK);
    const revoked = await tx.session.updateMany({ where: { userId: token.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit({ action: "user.password_reset", entity: "User", entityId: token.userId, metadata: { sessionsRevoked: revoked.count } });
    return { userId: token.userId };
  });
}

/** Whether a reset link can still be used (for the page, before asking for a password). */
export async function isResetLinkUsable(token: string): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashLinkToken(token) }, select: { usedAt: true, expiresAt: true, userId: true } });
  if (!row || row.usedAt || row.expiresAt <= new Date()) return false;
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { isActive: true } });
  return Boolean(user?.isActive);
}
