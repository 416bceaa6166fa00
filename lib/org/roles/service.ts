import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ZCreateRole, ZDeleteRole, ZSetRolePermissions, ZUpdateRole } from "@/lib/org/roles/schema";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

// Company roles. Every function scopes by ctx.companyId, runs in one transaction and audits.

const auditable = { id: true, name: true, description: true, departmentId: true, permissions: true } as const;

async function loadRole(tx: Tx, companyId: string, id: string) {
  const role = await tx.role.findFirst({ where: { id, companyId }, select: auditable });
  if (!role) throw new AppError("NOT_FOUND", "Role not found.");
  return role;
}

async function assertDepartment(tx: Tx, companyId: string, departmentId: string | null) {
  if (departmentId && !(await tx.department.findFirst({ where: { id: departmentId, companyId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "That department does not exist.", { fieldErrors: { departmentId: ["That department does not exist."] } });
  }
}

/** Unique names per company come from the database; this turns the violation into a field error. */
function duplicateName(error: unknown, name: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("VALIDATION", `A role named "${name}" already exists.`, { fieldErrors: { name: [`A role named "${name}" already exists.`] } });
  }
  throw error;
}

export async function createRole(ctx: ServiceContext, input: z.output<typeof ZCreateRole>) {
  return inTransaction(ctx, async (tx, audit) => {
    await assertDepartment(tx, ctx.companyId, input.departmentId);
    const role = await tx.role.create({ data: { companyId: ctx.companyId, ...input, permissions: [] }, select: auditable }).catch((error) => duplicateName(error, input.name));
    await audit({ action: "role.created", entity: "Role", entityId: role.id, after: role });
    return role;
  });
}

export async function updateRole(ctx: ServiceContext, input: z.output<typeof ZUpdateRole>) {
  return inTransaction(ctx, async (tx, audit) => {
    const before = await loadRole(tx, ctx.companyId, input.id);
    await assertDepartment(tx, ctx.companyId, input.departmentId);
    const after = await tx.role
      .update({ where: { id: before.id }, data: { name: input.name, description: input.description, departmentId: input.departmentId }, select: auditable })
      .catch((error) => duplicateName(error, input.name));
    await audit({ action: "role.updated", entity: "Role", entityId: after.id, before, after });
    return after;
  });
}

/** Replaces the role's permission matrix in one transaction; the audit entry lists what was granted and revoked. */
export async function setRolePermissions(ctx: ServiceContext, input: z.output<typeof ZSetRolePermissions>) {
  return inTransaction(ctx, async (tx, audit) => {
    const before = await loadRole(tx, ctx.companyId, input.id);
    const previous = new Set((before.permissions as string[]) ?? []);
    const next: string[] = [...input.permissions].sort();
    const after = await tx.role.update({ where: { id: before.id }, data: { permissions: next }, select: auditable });
    await audit({
      action: "role.permissions_changed",
      entity: "Role",
      entityId: before.id,
      before: { permissions: [...previous].sort() },
      after: { permissions: next },
      metadata: { granted: next.filter((permission) => !previous.has(permission)), revoked: [...previous].filter((permission) => !next.includes(permission)) },
    });
    return after;
  });
}

/** Deletes a role. Refused while a flow assigns work to it; people holding it lose it only when confirmed. */
export async function deleteRole(ctx: ServiceContext, input: z.output<typeof ZDeleteRole>) {
  return inTransaction(ctx, async (tx, audit) => {
    const before = await loadRole(tx, ctx.companyId, input.id);
    const [members, flowUses] = await Promise.all([
      tx.userRole.count({ where: { companyId: ctx.companyId, roleId: before.id } }),
      tx.flowLevelAssignee.count({ where: { companyId: ctx.companyId, roleId: before.id } }),
    ]);
    if (flowUses > 0) throw new AppError("CONFLICT", `${before.name} is assigned work in ${flowUses} flow level(s); change those flows first.`);
    if (members > 0 && !input.confirmMembers) {
      throw new AppError("CONFLICT", `${members} ${members === 1 ? "person holds" : "people hold"} ${before.name}; confirm that they lose it.`, { details: { members } });
    }
    await tx.userRole.deleteMany({ where: { companyId: ctx.companyId, roleId: before.id } });
    await tx.role.delete({ where: { id: before.id } });
    await audit({ action: "role.deleted", entity: "Role", entityId: before.id, before, after: null, metadata: { membersRemoved: members } });
    return { id: before.id, membersRemoved: members };
  });
}
