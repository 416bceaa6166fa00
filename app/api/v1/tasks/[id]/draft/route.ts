import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { ZDraftBody } from "@/lib/forms/schema";
import { saveFormDraft } from "@/lib/forms/service";

export const dynamic = "force-dynamic";

/** Saves the draft: `{ revision, definition }`; a stale revision is 409, definition errors 422 by path. */
export const PUT = apiRoute<{ id: string }>({ permission: "tasks.update" }, async ({ request, ctx, params }) => {
  const taskId = parseId(params.id, "Form");
  return Response.json(await saveFormDraft(ctx, { taskId, ...(await readJson(request, ZDraftBody)) }));
});
