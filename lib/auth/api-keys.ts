import "server-only";
import { db } from "@/lib/db";
import { hashApiKeyToken } from "@/lib/auth/api-key-token";
import { actingPrincipal, actingUserSelect } from "@/lib/auth/acting-user";
import { isPermission } from "@/lib/auth/permissions";
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
      createdBy: { select: actingUserSelect },
      company: { select: { isActive: true } },
    },
  });
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= new Date()) || !key.createdBy) return null;
  const principal = actingPrincipal(key.createdBy, {
    kind: "apiKey",
    sourceId: key.id,
    companyId: key.companyId,
    companyActive: key.company.isActive,
    limitTo: key.scopes.filter(isPermission),
  });
  if (principal && (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return principal;
}
