import "server-only";
import type { SystemRole } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { managerLoop } from "@/lib/org/users/manager-chain";
import { canChangeSystemRole, canManageSystemRole, SYSTEM_ROLE_LABELS } from "@/lib/org/users/system-roles";
import type { ServiceContext } from "@/lib/service-context";

// Checks shared by the user and invitation services. All run inside the caller's transaction.

/**
 * The acting user's system role. The request's principal carries it; a service context built by
 * server code without a principal (jobs, tests) reads it from the actor's row, and one with no actor
 * at all is the system itself, which may do anything.
 */
export async function actorSystemRole(tx: Tx, ctx: ServiceContext): Promise<SystemRole> {
  if (ctx.principal) return ctx.principal.systemRole;
  if (!ctx.actorId) return "DEVELOPER";
  const actor = await tx.user.findUnique({ where: { id: ctx.actorId }, select: { systemRole: true } });
  return actor?.systemRole ?? "EMPLOYEE";
}

/** Refuses acting on someone with a higher system role than the actor's (an ADMIN on a DEVELOPER). */
export function assertCanManage(actor: SystemRole, target: SystemRole): void {
  if (!canManageSystemRole(actor, target)) {
    throw new AppError("FORBIDDEN", `You cannot manage a ${SYSTEM_ROLE_LABELS[target].toLowerCase()}.`);
  }
}

/** Refuses a system role change the actor may not make (only a DEVELOPER grants DEVELOPER; only admins grant roles). */
export function assertCanChangeRole(actor: SystemRole, from: SystemRole, to: SystemRole, field = "systemRole"): void {
  if (!canChangeSystemRole(actor, from, to)) {
    const message = to === "DEVELOPER" ? "Only a developer can grant the Developer role." : `You cannot make someone ${SYSTEM_ROLE_LABELS[to].toLowerCase()}.`;
    throw new AppError("FORBIDDEN", message, { fieldErrors: { [field]: [message] } });
  }
}

/**
 * Locks the company's active ADMIN rows and returns their ids. Whoever demotes or deactivates an
 * admin takes this lock first, so two concurrent demotions of the last two admins serialise: the
 * second, on waking, re-reads the rows (READ COMMITTED re-checks locked rows) and sees one admin.
 */
export async function lockActiveAdmins(tx: Tx, companyId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE "companyId" = ${companyId}::uuid AND "systemRole" = 'ADMIN' AND "isActive" ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** Refuses a change that would leave the company without an active ADMIN (409). */
export function assertNotLastAdmin(activeAdminIds: readonly string[], userId: string, name: string): void {
  if (activeAdminIds.every((id) => id === userId)) {
    throw new AppError("CONFLICT", `${name} is the last active admin of the company. Make someone else an admin first.`);
  }
}

/**
 * Serialises manager changes within a company (a transaction-scoped advisory lock), so that two
 * concurrent changes A→B and B→A cannot both pass the loop check.
 */
export async function lockManagerChanges(tx: Tx, companyId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`flowright.managers:${companyId}`}))`;
}

/** Refuses a manager outside the company, the user themself, or one that would close a reporting loop. */
export async function assertValidManager(tx: Tx, companyId: string, userId: string, managerId: string | null): Promise<void> {
  if (!managerId) return;
  const refuse = (message: string) => {
    throw new AppError("VALIDATION", message, { fieldErrors: { managerId: [message] } });
  };
  if (managerId === userId) refuse("Someone cannot be their own manager.");
  // The reporting line above the proposed manager (bounded, in case the data already holds a loop).
  const chain = await tx.$queryRaw<{ id: string; managerId: string | null; name: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "managerId", trim("firstName" || ' ' || "lastName") AS name, 1 AS depth
        FROM users WHERE id = ${managerId}::uuid AND "companyId" = ${companyId}::uuid
      UNION ALL
      SELECT u.id, u."managerId", trim(u."firstName" || ' ' || u."lastName"), chain.depth + 1
        FROM users u JOIN chain ON u.id = chain."managerId"
       WHERE u."companyId" = ${companyId}::uuid AND chain.depth < 1000
    )
    SELECT id, "managerId", name FROM chain`;
  if (chain.length === 0) refuse("That person does not exist.");
  const loop = managerLoop(new Map(chain.map((row) => [row.id, row.managerId])), userId, managerId);
  if (loop) {
    const names = new Map(chain.map((row) => [row.id, row.name]));
    const manager = names.get(managerId) || "That person";
    refuse(`${manager} already reports to this person${loop.length > 2 ? " (indirectly)" : ""}; choosing them would make a reporting loop.`);
  }
}

/** Refuses a department outside the company. */
export async function assertDepartmentInCompany(tx: Tx, companyId: string, departmentId: string | null): Promise<void> {
  if (departmentId && !(await tx.department.findFirst({ where: { id: departmentId, companyId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "That department does not exist.", { fieldErrors: { departmentId: ["That department does not exist."] } });
  }
}

/** Refuses role ids that are not all roles of the company. */
export async function assertRolesInCompany(tx: Tx, companyId: string, roleIds: readonly string[]): Promise<void> {
  if (roleIds.length === 0) return;
  const found = await tx.role.count({ where: { companyId, id: { in: [...roleIds] } } });
  if (found !== roleIds.length) throw new AppError("VALIDATION", "One of the roles does not exist.", { fieldErrors: { roleIds: ["One of the roles does not exist."] } });
}
