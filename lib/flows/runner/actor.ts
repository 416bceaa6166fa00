import "server-only";
import { effectivePermissions, type Permission, type SystemRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/flows/engine/types";
import { principalsOf } from "@/lib/flows/principals";
import type { ServiceContext } from "@/lib/service-context";
import { sql } from "./sql";

/** The person acting, with what the engine's eligibility rules need. */
export type ActingUser = {
  userId: string;
  name: string;
  email: string;
  systemRole: SystemRole;
  departmentId: string | null;
  roleIds: string[];
  managerId: string | null;
  permissions: ReadonlySet<Permission>;
};

type UserRow = { id: string; name: string; email: string; systemRole: SystemRole; departmentId: string | null; managerId: string | null; roles: { id: string; permissions: unknown }[] };

const USER_STATEMENT = {
  name: "flow_acting_user_v1",
  text: `
  SELECT u.id, trim(u."firstName" || ' ' || u."lastName") AS name, u.email, u."systemRole", u."departmentId", u."managerId",
    COALESCE((SELECT json_agg(json_build_object('id', r.id, 'permissions', r.permissions))
      FROM user_roles ur JOIN roles r ON r.id = ur."roleId" AND r."companyId" = $2::uuid WHERE ur."userId" = u.id), '[]'::json) AS roles
  FROM users u
  WHERE u.id = $1::uuid AND u."isActive" AND (u."companyId" = $2::uuid OR u."systemRole" = 'DEVELOPER')`,
};

/**
 * The acting user of a service call. The request's principal is authoritative when present (an API
 * key's scopes narrow its permissions); without one (tests, scripts) the user is read from the
 * database, and so is the user's own manager when `withManager` asks for it (the principal does not
 * carry it; `managerId` is null otherwise).
 */
export async function resolveActingUser(ctx: ServiceContext, options: { withManager?: boolean } = {}): Promise<ActingUser> {
  if (!ctx.actorId) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const principal = ctx.principal && ctx.principal.userId === ctx.actorId && ctx.principal.companyId === ctx.companyId ? ctx.principal : null;
  if (principal && !options.withManager) {
    const { userId, name, email, systemRole, departmentId, roleIds, permissions } = principal;
    return { userId, name, email, systemRole, departmentId, roleIds, managerId: null, permissions };
  }
  const [row] = await sql<UserRow>({ ...USER_STATEMENT, values: [ctx.actorId, ctx.companyId] });
  if (!row) throw new AppError("UNAUTHENTICATED", "Your account is not active in this company.");
  return {
    userId: row.id,
    name: row.name || row.email,
    email: row.email,
    systemRole: row.systemRole,
    departmentId: principal ? principal.departmentId : row.departmentId,
    roleIds: principal ? principal.roleIds : row.roles.map((role) => role.id),
    managerId: row.managerId,
    permissions: principal ? principal.permissions : effectivePermissions(row.systemRole, row.roles.map((role) => role.permissions as unknown[])),
  };
}

/** Admins of the company, or anyone allowed to update instances, may cancel and reassign. */
export const isInstanceAdmin = (user: Pick<ActingUser, "systemRole" | "permissions">) =>
  user.systemRole === "ADMIN" || user.systemRole === "DEVELOPER" || user.permissions.has("instances.update");

/** The engine's view of a user acting on one instance. */
export function engineActor(user: ActingUser, initiatorManagerId: string | null): Actor {
  return {
    userId: user.userId,
    principals: principalsOf(user),
    isInitiatorManager: initiatorManagerId !== null && initiatorManagerId === user.userId,
    isAdmin: isInstanceAdmin(user),
  };
}
