import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { loadPrincipal, type Principal } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { clientIp, userAgent } from "@/lib/http/request-meta";

// The one guard. Every page, server action and route handler gets its Principal here: authenticated
// user, live session, company scope from the session (never from client input), and permissions.

export type { Principal };

/** The signed-in principal, or null. */
export async function currentPrincipal(): Promise<Principal | null> {
  const session = await auth();
  if (!session?.sessionId) return null;
  return loadPrincipal(session.sessionId);
}

/** For pages: the principal, or a redirect to sign-in (or to the "no access" page without `permission`). */
export async function requirePagePrincipal(permission?: Permission): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect("/sign-in");
  if (permission && !can(principal.permissions, permission)) redirect("/forbidden");
  return principal;
}

/** For actions and route handlers: the principal, or an AppError (401 / 403). */
export async function requirePrincipal(permission?: Permission): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (permission && !can(principal.permissions, permission)) {
    throw new AppError("FORBIDDEN", "You do not have permission to do this.", { details: { permission } });
  }
  return principal;
}

/** Who and from where, for audit entries. */
export async function requestContext(principal: Principal) {
  const h = await headers();
  return { companyId: principal.companyId, actorId: principal.userId, ipAddress: clientIp(h), userAgent: userAgent(h) };
}
