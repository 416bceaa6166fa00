import { listDatasets } from "@/lib/datasets/queries";
import { ZCreateDataset } from "@/lib/datasets/schema";
import { createDataset } from "@/lib/datasets/service";
import { apiRoute, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** ?archived=true includes archived datasets. Only datasets the caller may see are listed. */
export const GET = apiRoute({ permission: "datasets.view" }, async ({ request, principal }) =>
  Response.json({ items: await listDatasets(principal, { includeArchived: new URL(request.url).searchParams.get("archived") === "true" }) }),
);

export const POST = apiRoute({ permission: "datasets.create" }, async ({ request, ctx }) =>
  Response.json(await createDataset(ctx, await readJson(request, ZCreateDataset)), { status: 201 }),
);
