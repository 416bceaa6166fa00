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

const RANK: Record<SystemRole, number> = { DEVELOPER: 3, ADMIN: 2, MANAGER: 1, EMPLOYEE: 0 };

/**
 * Whether `actor` may act on someone holding `target` (edit, deactivate, send a reset link) — given the
 * permission for it: on peers and below, never on a higher role (an ADMIN cannot touch a DEVELOPER).
 */
export function canManageSystemRole(actor: SystemRole, target: SystemRole): boolean {
  return RANK[actor] >= RANK[target];
}

/** Whether `actor` may move someone from system role `from` to `to`. */
export function canChangeSystemRole(actor: SystemRole, from: SystemRole, to: SystemRole): boolean {
  return from === to || (canManageSystemRole(actor, from) && grantableSystemRoles(actor).includes(to));
}

type AdminState = { systemRole: SystemRole; isActive: boolean };

/** Whether a change takes away an active ADMIN (a demotion or a deactivation of one). */
export function removesActiveAdmin(before: AdminState, after: AdminState): boolean {
  const wasAdmin = before.isActive && before.systemRole === "ADMIN";
  const isAdmin = after.isActive && after.systemRole === "ADMIN";
  return wasAdmin && !isAdmin;
}
