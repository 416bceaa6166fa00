import { getInstanceDetail } from "@/lib/flows/queries";
import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

/** The instance with its history, submissions, current forms and the actions allowed to the caller. */
export const GET = apiRoute<{ id: string }>({ permission: "instances.view" }, async ({ principal, params }) =>
  Response.json(await getInstanceDetail(principal, parseId(params.id, "Request"))),
);
