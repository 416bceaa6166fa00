import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getExecution } from "@/lib/triggers/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ permission: "triggers.view" }, async ({ principal, params }) => Response.json(await getExecution(principal.companyId, parseId(params.id, "Execution"))));
