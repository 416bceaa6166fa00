import "server-only";
import { requireRequestPrincipal, serviceContext, type Principal } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { problemFromError } from "@/lib/http/problem";
import type { ServiceContext } from "@/lib/service-context";
import type { z } from "zod";

// The one route-handler wrapper for /api/v1: authenticate (session or API key), authorise, run, and
// turn every failure into problem JSON. Handlers get the principal and a service context whose
// companyId scopes every query they make.

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (args: { request: Request; principal: Principal; ctx: ServiceContext; params: P }) => Promise<Response>;

const MAX_JSON_BYTES = 1_000_000;

export function apiRoute<P = Record<string, never>>(
  options: { permission?: Permission },
  handler: Handler<P>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const principal = await requireRequestPrincipal(request, options.permission);
      const ctx = serviceContext(principal, request.headers);
      return await handler({ request, principal, ctx, params: await context.params });
    } catch (error) {
      return problemFromError(error, new URL(request.url).pathname);
    }
  };
}

/** Reads and validates a JSON body: 413 when too large, 400 when not JSON, 422 with field errors. */
export async function readJson<TSchema extends z.ZodType>(request: Request, schema: TSchema): Promise<z.output<TSchema>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_JSON_BYTES} bytes.`);
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_JSON_BYTES} bytes.`);
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "The request has invalid fields.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  return parsed.data;
}
