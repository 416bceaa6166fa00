import { listFlows } from "@/lib/flows/queries";
import { apiRoute } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "flows.view" }, async ({ request, principal }) =>
  Response.json(await listFlows(principal.companyId, parsePageQuery(request.url))),
);
