import { ZFlowDraftBody } from "@/lib/flows/editor/schema";
import { saveFlowDraft } from "@/lib/flows/service";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

/** Saves the draft: `{ revision, definition }`; a stale revision is 409 (who saved when), bad input 422 by path. */
export const PUT = apiRoute<{ id: string }>({ permission: "flows.update" }, async ({ request, ctx, params }) => {
  const flowId = parseId(params.id, "Flow");
  return Response.json(await saveFlowDraft(ctx, { flowId, ...(await readJson(request, ZFlowDraftBody)) }));
});
