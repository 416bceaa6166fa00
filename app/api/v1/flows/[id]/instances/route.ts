import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { withIdempotencyKey } from "@/lib/flows/runner/idempotency-key";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { ZStartInstanceBody } from "@/lib/flows/schema";

export const dynamic = "force-dynamic";

/**
 * Starts an instance of the flow's newest published version. Body `{ data?, idempotencyKey? }`;
 * 201 with the new instance, 200 with the existing one for a repeated `idempotencyKey`. The
 * `Idempotency-Key` header replays the first response for 24 h (Stripe semantics).
 */
export const POST = apiRoute<{ id: string }>({ permission: "instances.create" }, async ({ request, principal, ctx, params }) => {
  const flowId = parseId(params.id, "Flow");
  return withIdempotencyKey(request, principal, async () => {
    const body = await readJson(request, ZStartInstanceBody);
    const result = await startInstance(ctx, { flowId, ...body });
    return Response.json(result, { status: result.created ? 201 : 200 });
  });
});
