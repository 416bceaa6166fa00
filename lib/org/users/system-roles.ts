import type { SystemRole } from "@/lib/auth/permissions";

// Pure rules about system roles: who may grant which, and when a change removes an active admin.

export const SYSTEM_ROLES = ["DEVELOPER", "ADMIN", "MANAGER", "EMPLOYEE"] as const satisfies readonly SystemRole[];

export const SYSTEM_ROLE_LABELS: Record<SystemRole, string> = { DEVELOPER: "Developer", ADMIN: "Admin", MANAGER: "Manager", EMPLOYEE: "Employee" };

/**
 * The system roles an actor may hand out: a DEVELOPER any, an ADMIN any but DEVELOPER, others none —
 * a company role with `users.update` lets a manager edit people, never raise anyone's system role.
 */
export function grantableSystemRoles(actor: SystemRole): SystemRole[] {
  if (actor === "DEVELOPER") return [...SYSTEM_ROLES];
  if (actor === "ADMIN") return ["ADMIN", "MANAGER", "EMPLOYEE"];
  return [];
}

/** Whether `actor` may act on someone who holds `target` (change their role, deactivate, reset): only on roles they could grant. */
export function canManageSystemRole(actor: SystemRole, target: SystemRole): boolean {
  return grantableSystemRoles(actor).includes(target);
}

/** Whether `actor` may move someone from system role `from` to `to`. */
export function canChangeSystemRole(actor: SystemRole, from: SystemRole, to: SystemRole): boolean {
  return from === to || (canManageSystemRole(actor, from) && canManageSystemRole(actor, to));
}

type AdminState = { systemRole: SystemRole; isActive: boolean };

/** Whether a change takes away an active ADMIN (a demotion or a deactivation of one). */
export function removesActiveAdmin(before: AdminState, after: AdminState): boolean {
  const wasAdmin = before.isActive && before.systemRole === "ADMIN";
  const isAdmin = after.isActive && after.systemRole === "ADMIN";
  return wasAdmin && !isAdmin;
}
