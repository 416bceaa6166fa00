import { ZCreateFlow } from "@/lib/flows/editor/schema";
import { listFlows } from "@/lib/flows/queries";
import { createFlow } from "@/lib/flows/service";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "flows.view" }, async ({ request, principal }) =>
  Response.json(await listFlows(principal.companyId, parsePageQuery(request.url))),
);

/** Creates a flow with an empty draft version 1: `{ name, description? }`. */
export const POST = apiRoute({ permission: "flows.create" }, async ({ request, ctx }) =>
  Response.json(await createFlow(ctx, await readJson(request, ZCreateFlow)), { status: 201 }),
);
