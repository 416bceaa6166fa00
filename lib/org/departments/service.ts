import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { moveProblem } from "@/lib/org/department-tree";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import type { z } from "zod";
import type { ZCreateDepartment, ZDeleteDepartment, ZMoveDepartment, ZUpdateDepartment } from "@/lib/org/departments/schema";

// Department writes. Every function scopes by ctx.companyId, runs in one transaction and audits.

const auditable = { id: true, name: true, description: true, parentId: true, headId: true } as const;

async function loadDepartment(tx: Tx, companyId: string, id: string) {
  const department = await tx.department.findFirst({ where: { id, companyId }, select: auditable });
  if (!department) throw new AppError("NOT_FOUND", "Department not found.");
  return department;
}

async function assertDepartmentInCompany(tx: Tx, companyId: string, id: string | null, field: string) {
  if (id && !(await tx.department.findFirst({ where: { id, companyId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "That department does not exist.", { fieldErrors: { [field]: ["That department does not exist."] } });
  }
}

async function assertUserInCompany(tx: Tx, companyId: string, id: string | null, field: string) {
  if (id && !(await tx.user.findFirst({ where: { id, companyId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "That person does not exist.", { fieldErrors: { [field]: ["That person does not exist."] } });
  }
}

export async function createDepartment(ctx: ServiceContext, input: z.output<typeof ZCreateDepartment>) {
  return inTransaction(ctx, async (tx, audit) => {
    await assertDepartmentInCompany(tx, ctx.companyId, input.parentId, "parentId");
    await assertUserInCompany(tx, ctx.companyId, input.headId, "headId");
    const created = await tx.department.create({ data: { companyId: ctx.companyId, ...input }, select: auditable });
    await audit({ action: "department.created", entity: "Department", entityId: created.id, after: created });
    return created;
  });
}

export async function updateDepartment(ctx: ServiceContext, input: z.output<typeof ZUpdateDepartment>) {
  return inTransaction(ctx, async (tx, audit) => {
    const before = await loadDepartment(tx, ctx.companyId, input.id);
    await assertUserInCompany(tx, ctx.companyId, input.headId, "headId");
    const after = await tx.department.update({
      where: { id: before.id },
      data: { name: input.name, description: input.description, headId: input.headId },
      select: auditable,
    });
    await audit({ action: before.name !== after.name ? "department.renamed" : "department.updated", entity: "Department", entityId: after.id, before, after });
    return after;
  });
}

/** Moves a department under another (or to the top); refuses moves under its own descendants. */
export async function moveDepartment(ctx: ServiceContext, input: z.output<typeof ZMoveDepartment>) {
  return inTransaction(ctx, async (tx, audit) => {
    // Lock the company's departments so two concurrent moves cannot together make a cycle.
    await tx.$executeRaw`SELECT id FROM departments WHERE "companyId" = ${ctx.companyId}::uuid FOR UPDATE`;
    const before = await loadDepartment(tx, ctx.companyId, input.id);
    const rows = await tx.department.findMany({ where: { companyId: ctx.companyId }, select: { id: true, name: true, parentId: true } });
    const problem = moveProblem(rows, input.id, input.parentId);
    if (problem) throw new AppError("VALIDATION", problem, { fieldErrors: { parentId: [problem] } });
    if (before.parentId === input.parentId) return before;
    const after = await tx.department.update({ where: { id: before.id }, data: { parentId: input.parentId }, select: auditable });
    await audit({ action: "department.moved", entity: "Department", entityId: after.id, before, after });
    return after;
  });
}

export type DepartmentDependants = { members: number; roles: number; children: number };

async function dependantsOf(tx: Tx, companyId: string, id: string): Promise<DepartmentDependants> {
  const [members, roles, children] = await Promise.all([
    tx.user.count({ where: { companyId, departmentId: id } }),
    tx.role.count({ where: { companyId, departmentId: id } }),
    tx.department.count({ where: { companyId, parentId: id } }),
  ]);
  return { members, roles, children };
}

/**
 * Deletes a department. One with members, roles or sub-departments is refused (409, with the counts)
 * unless `moveDependants` is set, in which case they move to `moveTo` (members and roles may also be
 * left without a department by passing no `moveTo`; sub-departments then move to the top level).
 * A department that a flow version assigns work to cannot be deleted.
 */
export async function deleteDepartment(ctx: ServiceContext, input: z.output<typeof ZDeleteDepartment>) {
  return inTransaction(ctx, async (tx, audit) => {
    const before = await loadDepartment(tx, ctx.companyId, input.id);
    const dependants = await dependantsOf(tx, ctx.companyId, before.id);
    const hasDependants = dependants.members + dependants.roles + dependants.children > 0;
    if (hasDependants && !input.moveDependants) {
      throw new AppError("CONFLICT", `${before.name} still has ${describe(dependants)}. Choose where to move them.`, { details: { dependants } });
    }
    if (input.moveTo) {
      if (input.moveTo === before.id) throw new AppError("VALIDATION", "Choose another department to move them to.", { fieldErrors: { moveTo: ["Choose another department."] } });
      const rows = await tx.department.findMany({ where: { companyId: ctx.companyId }, select: { id: true, name: true, parentId: true } });
      const problem = moveProblem(rows, before.id, input.moveTo);
      if (problem || !rows.some((row) => row.id === input.moveTo)) {
        throw new AppError("VALIDATION", "Sub-departments cannot move into the department's own subtree.", { fieldErrors: { moveTo: ["Choose a department outside this one."] } });
      }
    }
    const flowUses = await tx.flowLevelAssignee.count({ where: { companyId: ctx.companyId, departmentId: before.id } });
    if (flowUses > 0) throw new AppError("CONFLICT", `${before.name} is assigned work in ${flowUses} flow level(s); change those flows first.`);
    const target = input.moveTo ?? null;
    await tx.user.updateMany({ where: { companyId: ctx.companyId, departmentId: before.id }, data: { departmentId: target } });
    await tx.role.updateMany({ where: { companyId: ctx.companyId, departmentId: before.id }, data: { departmentId: target } });
    await tx.department.updateMany({ where: { companyId: ctx.companyId, parentId: before.id }, data: { parentId: target } });
    await tx.department.delete({ where: { id: before.id } });
    await audit({ action: "department.deleted", entity: "Department", entityId: before.id, before, after: null, metadata: { movedTo: target, dependants } });
    return { id: before.id, movedTo: target, dependants };
  });
}

function describe({ members, roles, children }: DepartmentDependants): string {
  const parts = [
    members ? `${members} member${members === 1 ? "" : "s"}` : "",
    roles ? `${roles} role${roles === 1 ? "" : "s"}` : "",
    children ? `${children} sub-department${children === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return parts.join(", ");
}
