import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { bearerApiKey } from "@/lib/auth/api-key-token";
import { principalFromApiKey } from "@/lib/auth/api-keys";
import { can, type Permission } from "@/lib/auth/permissions";
import { loadPrincipal, type Principal } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { clientIp, userAgent } from "@/lib/http/request-meta";
import type { ServiceContext } from "@/lib/service-context";

// The one guard. Every page, server action and route handler gets its Principal here: authenticated
// user (session or API key), live session, company scope from the session — never from client
// input — and permissions.

export type { Principal };

/** The signed-in principal (from the session cookie), or null. Once per request: layout and page share it. */
export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return loadPrincipal(session.sessionId);
});

/** For pages: the principal, or a redirect to sign-in (or to the "no access" page without `permission`). */
export async function requirePagePrincipal(permission?: Permission): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect("/sign-in");
  if (permission && !can(principal.permissions, permission)) redirect("/forbidden");
  return principal;
}

function authorise(principal: Principal | null, permission?: Permission): Principal {
  if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (permission && !can(principal.permissions, permission)) {
    throw new AppError("FORBIDDEN", "You do not have permission to do this.", { details: { permission } });
  }
  return principal;
}

/** For server actions: the session's principal, or an AppError (401 / 403). */
export async function requirePrincipal(permission?: Permission): Promise<Principal> {
  return authorise(await currentPrincipal(), permission);
}

/**
 * For route handlers: an `Authorization: Bearer fr_…` API key when present (a bad key is a 401, never
 * a fall-back to the cookie), else the session cookie.
 */
export async function requireRequestPrincipal(request: Request, permission?: Permission): Promise<Principal> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const token = bearerApiKey(authorization);
    const principal = token ? await principalFromApiKey(token) : null;
    if (!principal) throw new AppError("UNAUTHENTICATED", "The API key is missing, malformed, revoked or expired.");
    return authorise(principal, permission);
  }
  return authorise(await currentPrincipal(), permission);
}

/** The service context of a principal: company scope, actor, and where the request came from. */
export function serviceContext(principal: Principal, source: { get(name: string): string | null }): ServiceContext {
  return {
    companyId: principal.companyId,
    actorId: principal.userId,
    actorType: principal.kind === "apiKey" ? "API_KEY" : "USER",
    ipAddress: clientIp(source),
    userAgent: userAgent(source),
    principal,
  };
}

/** The service context of the current server action or page request. */
export async function currentServiceContext(principal: Principal): Promise<ServiceContext> {
  return serviceContext(principal, await headers());
}
