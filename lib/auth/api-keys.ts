import "server-only";
import { db } from "@/lib/db";
import { hashApiKeyToken } from "@/lib/auth/api-key-token";
import { effectivePermissions, isPermission, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/session";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal behind an API key token: the key must be unrevoked, unexpired, and its creator still
 * active in the key's company. It may do what its scopes say AND its creator may still do — a key
 * never outlives a demotion.
 */
export async function principalFromApiKey(token: string): Promise<Principal | null> {
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashApiKeyToken(token) },
    select: {
      id: true,
      companyId: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: {
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          systemRole: true,
          isActive: true,
          companyId: true,
          departmentId: true,
          roles: { select: { role: { select: { id: true, permissions: true, companyId: true } } } },
        },
      },
      company: { select: { isActive: true } },
    },
  });
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= new Date())) return null;
  const user = key.createdBy;
  if (!user || !user.isActive || !key.company.isActive) return null;
  if (user.companyId !== key.companyId && user.systemRole !== "DEVELOPER") return null;
  const roles = user.roles.map((entry) => entry.role).filter((role) => role.companyId === key.companyId);
  const userPermissions = effectivePermissions(user.systemRole, roles.map((role) => role.permissions as unknown[]));
  const permissions = new Set<Permission>(key.scopes.filter(isPermission).filter((scope) => userPermissions.has(scope)));
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    kind: "apiKey",
    sessionId: key.id,
    userId: user.id,
    companyId: key.companyId,
    systemRole: user.systemRole,
    email: user.email,
    name: `${user.firstName} ${user.lastName}`.trim() || user.email,
    departmentId: user.departmentId,
    roleIds: roles.map((role) => role.id),
    permissions,
  };
}
