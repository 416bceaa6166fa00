import { effectivePermissions, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/session";

// What sessions and API keys have in common: a user acting in a company. One select and one set of
// rules, so that both ways in agree on who may act where and with which permissions.

/** The user fields every principal needs (a Prisma `select`). */
export const actingUserSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  systemRole: true,
  isActive: true,
  departmentId: true,
  companyId: true,
  roles: { select: { role: { select: { id: true, permissions: true, companyId: true } } } },
} as const;

export type ActingUser = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  systemRole: Principal["systemRole"];
  isActive: boolean;
  departmentId: string | null;
  companyId: string;
  roles: { role: { id: string; permissions: unknown; companyId: string } }[];
};

/**
 * The principal of `user` acting in `companyId`, or null when they may not: a deactivated user, an
 * inactive company, or a company other than their own unless they are a DEVELOPER (company switching).
 * `limitTo` narrows the permissions (an API key's scopes).
 */
export function actingPrincipal(
  user: ActingUser,
  options: { kind: Principal["kind"]; sourceId: string; companyId: string; companyActive: boolean; limitTo?: readonly string[] },
): Principal | null {
  if (!user.isActive || !options.companyActive) return null;
  if (options.companyId !== user.companyId && user.systemRole !== "DEVELOPER") return null;
  const roles = user.roles.map((entry) => entry.role).filter((role) => role.companyId === options.companyId);
  const held = effectivePermissions(user.systemRole, roles.map((role) => role.permissions));
  const permissions = options.limitTo ? new Set<Permission>([...held].filter((permission) => options.limitTo!.includes(permission))) : held;
  return {
    kind: options.kind,
    sessionId: options.sourceId,
    userId: user.id,
    companyId: options.companyId,
    systemRole: user.systemRole,
    email: user.email,
    name: `${user.firstName} ${user.lastName}`.trim() || user.email,
    departmentId: user.departmentId,
    roleIds: roles.map((role) => role.id),
    permissions,
  };
}
