import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { actingPrincipal, actingUserSelect } from "@/lib/auth/acting-user";
import type { Permission, SystemRole } from "@/lib/auth/permissions";

/** Who is acting, in which company, with which permissions: everything the guard decides on. */
export type Principal = {
  /** "apiKey": acting through an API key on behalf of the user who created it, limited to its scopes. */
  kind: "user" | "apiKey";
  /** The session row, or the API key, this principal was loaded from. */
  sessionId: string;
  userId: string;
  companyId: string;
  systemRole: SystemRole;
  email: string;
  name: string;
  departmentId: string | null;
  roleIds: string[];
  permissions: ReadonlySet<Permission>;
};

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

/**
 * Loads a live session: not revoked, not expired, user active, company active. Null otherwise.
 * Cached per request, so a page and its components share one query.
 */
export const loadPrincipal = cache(async (sessionId: string): Promise<Principal | null> => {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      companyId: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: actingUserSelect },
      company: { select: { isActive: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  const principal = actingPrincipal(session.user, { kind: "user", sourceId: session.id, companyId: session.companyId, companyActive: session.company.isActive });
  if (principal && Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  return principal;
});
