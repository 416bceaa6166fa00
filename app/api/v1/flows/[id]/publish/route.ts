import { ZPublishFlowBody } from "@/lib/flows/editor/schema";
import { publishFlow } from "@/lib/flows/service";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

/**
 * Publishes the draft: `{ changeNote?, acknowledgeGoldenChanges? }`; a flow that fails the publish check is
 * 422 with `problems` (code, message, path); one whose golden cases now take another route is 422 with
 * `goldenCases` (name, expected, actual) until `acknowledgeGoldenChanges: true` is sent. A published
 * answer lists the `warnings` that did not block it (code, message, path, counter-example).
 */
export const POST = apiRoute<{ id: string }>({ permission: "flows.publish" }, async ({ request, ctx, params }) => {
  const flowId = parseId(params.id, "Flow");
  return Response.json(await publishFlow(ctx, { flowId, ...(await readJson(request, ZPublishFlowBody)) }));
});
