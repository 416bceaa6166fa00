import { deleteGoldenCase, updateGoldenCase } from "@/lib/flows/golden-cases";
import { ZGoldenCaseUpdateBody } from "@/lib/flows/simulate/schema";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

type Params = { id: string; caseId: string };

/** Renames a golden case or replaces its data or expected route: any of `{ name, data, expected }`. */
export const PUT = apiRoute<Params>({ permission: "flows.update" }, async ({ request, ctx, params }) => {
  const ids = { flowId: parseId(params.id, "Flow"), caseId: parseId(params.caseId, "Golden case") };
  return Response.json(await updateGoldenCase(ctx, { ...ids, ...(await readJson(request, ZGoldenCaseUpdateBody)) }));
});

export const DELETE = apiRoute<Params>({ permission: "flows.update" }, async ({ ctx, params }) => {
  await deleteGoldenCase(ctx, { flowId: parseId(params.id, "Flow"), caseId: parseId(params.caseId, "Golden case") });
  return new Response(null, { status: 204 });
});
