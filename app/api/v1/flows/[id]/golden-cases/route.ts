import { createGoldenCase, listGoldenCases } from "@/lib/flows/golden-cases";
import { ZGoldenCaseBody } from "@/lib/flows/simulate/schema";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

/** The flow's golden cases: `{ data: [{ id, name, data, expected, … }] }`. */
export const GET = apiRoute<{ id: string }>({ permission: "flows.update" }, async ({ principal, params }) =>
  Response.json({ data: await listGoldenCases(principal.companyId, parseId(params.id, "Flow")) }),
);

/** Saves a golden case: `{ name, data, expected: { steps: [{ levelId, levelName, outcome }], status } }`; a taken name is 422. */
export const POST = apiRoute<{ id: string }>({ permission: "flows.update" }, async ({ request, ctx, params }) => {
  const flowId = parseId(params.id, "Flow");
  return Response.json(await createGoldenCase(ctx, { flowId, ...(await readJson(request, ZGoldenCaseBody)) }), { status: 201 });
});
