import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { ZPublishBody } from "@/lib/forms/schema";
import { publishForm } from "@/lib/forms/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>({ permission: "tasks.publish" }, async ({ request, ctx, params }) => {
  const taskId = parseId(params.id, "Form");
  return Response.json(await publishForm(ctx, { taskId, ...(await readJson(request, ZPublishBody)) }));
});
