import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { assertSameOrigin, type ActionResult } from "@/lib/action";
import { fieldErrorsFromZod, isAppError, isDatabaseUnavailable } from "@/lib/errors";
import { clientIp, userAgent } from "@/lib/http/request-meta";

// The builder for the few server actions that need no session (accepting an invitation, choosing a
// password through a reset link): an emailed single-use token is their authority. Same beats as
// companyAction (lib/action.ts) minus the session: origin check → zod input → domain.

export type RequestMeta = { ipAddress: string | null; userAgent: string | null };

export function publicAction<TSchema extends z.ZodType, TResult>(
  options: { schema: TSchema },
  handler: (args: { input: z.output<TSchema>; meta: RequestMeta }) => Promise<TResult>,
): (raw: z.input<TSchema>) => Promise<ActionResult<TResult>> {
  return async (raw) => {
    try {
      const source = await headers();
      await assertSameOrigin();
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFromZod(parsed.error.issues) };
      }
      return { ok: true, data: await handler({ input: parsed.data, meta: { ipAddress: clientIp(source), userAgent: userAgent(source) } }) };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      if (isDatabaseUnavailable(error)) return { ok: false, error: "The database is unavailable. Try again shortly." };
      console.error("public server action failed:", error);
      return { ok: false, error: "Something went wrong on our side. Please try again." };
    }
  };
}
