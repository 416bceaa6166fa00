import { actOnInstance } from "@/lib/flows/runner/act-on-instance";
import { withIdempotencyKey } from "@/lib/flows/runner/idempotency-key";
import { reassignAssignment } from "@/lib/flows/runner/reassign";
import { ZInstanceActionBody } from "@/lib/flows/schema";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

/**
 * Acts on an instance: `{ action: "submit"|"approve"|"reject"|"send_back"|"request_changes"|"cancel",
 * data?, comment?, reason?, toLevelId?, expectedVersion? }`, or `{ action: "reassign", fromPrincipal,
 * toUserId, reason? }` (admins). 409 when the request moved on meanwhile, naming who moved it.
 */
export const POST = apiRoute<{ id: string }>({ permission: "instances.view" }, async ({ request, principal, ctx, params }) => {
  const instanceId = parseId(params.id, "Request");
  return withIdempotencyKey(request, principal, async () => {
    const body = await readJson(request, ZInstanceActionBody);
    const result = body.action === "reassign" ? await reassignAssignment(ctx, { instanceId, ...body }) : await actOnInstance(ctx, { instanceId, ...body });
    return Response.json(result);
  });
});
