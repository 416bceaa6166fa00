import "server-only";
import { requirePrincipal, type Principal } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { problemFromError } from "@/lib/http/problem";

// The one route-handler wrapper for /api/v1: authenticate, authorise, run, and turn every failure into
// problem JSON. Handlers receive the principal; its companyId scopes every query they make.

type RouteContext<P> = { params: Promise<P> };

export function apiRoute<P = Record<string, never>>(
  options: { permission?: Permission },
  handler: (args: { request: Request; principal: Principal; params: P }) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const principal = await requirePrincipal(options.permission);
      return await handler({ request, principal, params: await context.params });
    } catch (error) {
      return problemFromError(error, new URL(request.url).pathname);
    }
  };
}
