import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentServiceContext, requirePrincipal, type Principal } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, fieldErrorsFromZod, isAppError, isDatabaseUnavailable, type FieldErrors } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";

// The one server-action builder: origin check → session → company → permission → zod input → domain.
// Server actions are public POST endpoints, so none may skip a beat; building them here makes that so.

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** Refuses cross-site and origin-less state changes (Next checks Origin too; this also refuses a missing one). */
export async function assertSameOrigin(): Promise<void> {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!origin || origin === "null") throw new AppError("FORBIDDEN", "Request refused: it has no Origin.");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", "Request refused: malformed Origin.");
  }
  if (originHost !== host) throw new AppError("FORBIDDEN", "Request refused: it comes from another site.");
}

export function companyAction<TSchema extends z.ZodType, TResult>(
  options: { schema: TSchema; permission?: Permission },
  handler: (args: { input: z.output<TSchema>; principal: Principal; ctx: ServiceContext }) => Promise<TResult>,
): (raw: z.input<TSchema>) => Promise<ActionResult<TResult>> {
  return async (raw) => {
    try {
      await assertSameOrigin();
      const principal = await requirePrincipal(options.permission);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFromZod(parsed.error.issues) };
      }
      return { ok: true, data: await handler({ input: parsed.data, principal, ctx: await currentServiceContext(principal) }) };
    } catch (error) {
      unstable_rethrow(error); // redirects and not-found are control flow, not failures
      if (isAppError(error)) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      if (isDatabaseUnavailable(error)) return { ok: false, error: "The database is unavailable. Try again shortly." };
      console.error("server action failed:", error);
      return { ok: false, error: "Something went wrong on our side. Please try again." };
    }
  };
}
