import { getFlow } from "@/lib/flows/queries";
import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ permission: "flows.view" }, async ({ principal, params }) =>
  Response.json(await getFlow(principal.companyId, parseId(params.id, "Flow"))),
);
