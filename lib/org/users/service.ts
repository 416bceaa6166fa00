import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import {
  actorSystemRole,
  assertCanChangeRole,
  assertCanManage,
  assertDepartmentInCompany,
  assertNotLastAdmin,
  assertRolesInCompany,
  assertValidManager,
  lockActiveAdmins,
  lockManagerChanges,
} from "@/lib/org/users/checks";
import { passwordResetMail } from "@/lib/org/users/mails";
import type { ZUpdateUser, ZUserId } from "@/lib/org/users/schema";
import { grantableSystemRoles, removesActiveAdmin } from "@/lib/org/users/system-roles";
import { createLinkToken } from "@/lib/org/users/tokens";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

// An admin's writes on people. Every function scopes by ctx.companyId, runs in one transaction and audits.

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

const auditable = { id: true, email: true, firstName: true, lastName: true, systemRole: true, isActive: true, departmentId: true, managerId: true } as const;

async function loadUser(tx: Tx, companyId: string, id: string) {
  const user = await tx.user.findFirst({ where: { id, companyId }, select: { ...auditable, roles: { where: { companyId }, select: { roleId: true } } } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  const { roles, ...rest } = user;
  return { ...rest, roleIds: roles.map((role) => role.roleId).sort() };
}

const displayName = (user: { firstName: string; lastName: string; email: string }) => `${user.firstName} ${user.lastName}`.trim() || user.email;

/**
 * Edits a person: name, system role, company roles, department, manager. Refuses granting a role the
 * actor may not grant, demoting the last active admin (409, under a lock), and reporting loops.
 */
export async function updateUser(ctx: ServiceContext, input: z.output<typeof ZUpdateUser>) {
  return inTransaction(ctx, async (tx, audit) => {
    const actorRole = await actorSystemRole(tx, ctx);
    // Lock order everywhere: manager lock, then admin rows, then the rows being changed.
    if (input.managerId) await lockManagerChanges(tx, ctx.companyId);
    const activeAdmins = await lockActiveAdmins(tx, ctx.companyId);
    const before = await loadUser(tx, ctx.companyId, input.id);
    assertCanManage(actorRole, before.systemRole);
    if (before.systemRole !== input.systemRole) {
      assertCanChangeRole(actorRole, before.systemRole, input.systemRole);
      if (removesActiveAdmin(before, { ...before, systemRole: input.systemRole })) assertNotLastAdmin(activeAdmins, before.id, displayName(before));
    }
    await assertDepartmentInCompany(tx, ctx.companyId, input.departmentId);
    await assertRolesInCompany(tx, ctx.companyId, input.roleIds);
    const roleIds = [...input.roleIds].sort();
    const rolesChanged = roleIds.join() !== before.roleIds.join();
    // Company roles carry permissions: someone who may not grant system roles may not widen their own.
    if (rolesChanged && before.id === ctx.actorId && grantableSystemRoles(actorRole).length === 0) {
      throw new AppError("FORBIDDEN", "You cannot change your own roles.", { fieldErrors: { roleIds: ["You cannot change your own roles."] } });
    }
    if (input.managerId !== before.managerId) await assertValidManager(tx, ctx.companyId, before.id, input.managerId);

    const updated = await tx.user.update({
      where: { id: before.id },
      data: { firstName: input.firstName, lastName: input.lastName, systemRole: input.systemRole, departmentId: input.departmentId, managerId: input.managerId },
      select: auditable,
    });
    if (rolesChanged) {
      await tx.userRole.deleteMany({ where: { userId: before.id, companyId: ctx.companyId, roleId: { notIn: roleIds } } });
      await tx.userRole.createMany({ data: roleIds.map((roleId) => ({ userId: before.id, roleId, companyId: ctx.companyId })), skipDuplicates: true });
    }
    const after = { ...updated, roleIds };
    const action = before.systemRole !== after.systemRole ? "user.role_changed" : "user.updated";
    await audit({ action, entity: "User", entityId: before.id, before, after });
    return after;
  });
}

/**
 * Deactivates a person: they can no longer sign in, and every session they have ends at once
 * (`sessions.revokedAt`). Refuses deactivating yourself and the last active admin (409).
 */
export async function deactivateUser(ctx: ServiceContext, input: z.output<typeof ZUserId>) {
  return inTransaction(ctx, async (tx, audit) => {
    const actorRole = await actorSystemRole(tx, ctx);
    const activeAdmins = await lockActiveAdmins(tx, ctx.companyId);
    const before = await loadUser(tx, ctx.companyId, input.id);
    assertCanManage(actorRole, before.systemRole);
    if (before.id === ctx.actorId) throw new AppError("CONFLICT", "You cannot deactivate yourself. Ask another admin.");
    if (!before.isActive) return { ...before, sessionsRevoked: 0 };
    if (removesActiveAdmin(before, { ...before, isActive: false })) assertNotLastAdmin(activeAdmins, before.id, displayName(before));
    const after = await tx.user.update({ where: { id: before.id }, data: { isActive: false }, select: auditable });
    const revoked = await tx.session.updateMany({ where: { userId: before.id, revokedAt: null }, data: { revokedAt: new Date() } });
    // A reset link sent earlier must not reopen the account.
    await tx.passwordResetToken.deleteMany({ where: { userId: before.id, usedAt: null } });
    await audit({ action: "user.deactivated", entity: "User", entityId: before.id, before, after, metadata: { sessionsRevoked: revoked.count } });
    return { ...after, roleIds: before.roleIds, sessionsRevoked: revoked.count };
  });
}

/** Reactivates a deactivated person; they sign in again with their existing password. */
export async function reactivateUser(ctx: ServiceContext, input: z.output<typeof ZUserId>) {
  return inTransaction(ctx, async (tx, audit) => {
    const actorRole = await actorSystemRole(tx, ctx);
    const before = await loadUser(tx, ctx.companyId, input.id);
    assertCanManage(actorRole, before.systemRole);
    if (before.isActive) return before;
    const after = await tx.user.update({ where: { id: before.id }, data: { isActive: true }, select: auditable });
    await audit({ action: "user.reactivated", entity: "User", entityId: before.id, before, after });
    return { ...after, roleIds: before.roleIds };
  });
}

/**
 * Emails a person a single-use link to choose a new password, valid for one hour; earlier unused links
 * stop working. Only the token's sha256 is stored. The mail is sent after the commit: a mail server
 * being down does not undo the request (the outcome says whether it was delivered).
 */
export async function requestPasswordReset(ctx: ServiceContext, input: z.output<typeof ZUserId>) {
  const { token, tokenHash } = createLinkToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
  const target = await inTransaction(ctx, async (tx, audit) => {
    const actorRole = await actorSystemRole(tx, ctx);
    const user = await loadUser(tx, ctx.companyId, input.id);
    assertCanManage(actorRole, user.systemRole);
    if (!user.isActive) throw new AppError("CONFLICT", `${displayName(user)} is deactivated. Reactivate them first.`);
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } });
    await tx.passwordResetToken.create({ data: { companyId: ctx.companyId, userId: user.id, tokenHash, expiresAt } });
    await audit({ action: "user.password_reset_requested", entity: "User", entityId: user.id, metadata: { expiresAt: expiresAt.toISOString() } });
    const company = await tx.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { name: true } });
    return { ...user, companyName: company.name };
  });
  const content = passwordResetMail({ name: displayName(target), companyName: target.companyName, link: `${env().APP_URL}/reset-password/${token}`, expiresAt });
  const mail = await sendMail({ companyId: ctx.companyId, to: [target.email], ...content, secrets: [token] });
  return { userId: target.id, expiresAt, mail };
}
