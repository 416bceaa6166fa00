import { getDataset } from "@/lib/datasets/queries";
import { ZDatasetStatusChange } from "@/lib/datasets/schema";
import { setDatasetStatus } from "@/lib/datasets/service";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

/** Body: { status: "DRAFT" | "PUBLISHED" | "ARCHIVED" }. */
export const POST = apiRoute<{ id: string }>({ permission: "datasets.publish" }, async ({ request, principal, ctx, params }) => {
  const id = parseId(params.id, "Dataset");
  await getDataset(principal, id);
  return Response.json(await setDatasetStatus(ctx, { ...(await readJson(request, ZDatasetStatusChange.omit({ id: true }))), id }));
});
