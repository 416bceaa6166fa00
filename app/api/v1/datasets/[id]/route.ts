import { getDataset } from "@/lib/datasets/queries";
import { ZUpdateDataset } from "@/lib/datasets/schema";
import { updateDataset } from "@/lib/datasets/service";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "datasets.view" }, async ({ principal, params }) => Response.json(await getDataset(principal, parseId(params.id, "Dataset"))));

export const PUT = apiRoute<Params>({ permission: "datasets.update" }, async ({ request, principal, ctx, params }) => {
  const id = parseId(params.id, "Dataset");
  await getDataset(principal, id); // invisible = not found, before any write
  return Response.json(await updateDataset(ctx, { ...(await readJson(request, ZUpdateDataset.omit({ id: true }))), id }));
});
