import { getFlow } from "@/lib/flows/queries";
import { renameDesign } from "@/lib/design/details";
import { ZDesignDetails } from "@/lib/design/details-schema";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ permission: "flows.view" }, async ({ principal, params }) =>
  Response.json(await getFlow(principal.companyId, parseId(params.id, "Flow"))),
);

/** Renames the flow (and/or changes its description): body { name, description? }. */
export const PATCH = apiRoute<{ id: string }>({ permission: "flows.update" }, async ({ request, ctx, params }) =>
  Response.json(await renameDesign(ctx, "flow", { ...(await readJson(request, ZDesignDetails)), id: parseId(params.id, "Flow") })),
);
