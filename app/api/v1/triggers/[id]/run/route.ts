import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { runTriggerManually } from "@/lib/triggers/manual-run";
import { ZManualRunBody } from "@/lib/triggers/manual-run-schema";

export const dynamic = "force-dynamic";

/**
 * "Run for real": `{ eventId } | { sample }` → the saved trigger's actions run now as a manual test run;
 * 201 with `{ executionId, status }` (the execution at /api/v1/trigger-executions/:id).
 */
export const POST = apiRoute<{ id: string }>({ permission: "triggers.update" }, async ({ request, ctx, params }) => {
  const triggerId = parseId(params.id, "Trigger");
  const result = await runTriggerManually(ctx, { triggerId, ...(await readJson(request, ZManualRunBody)) });
  return Response.json(result, { status: 201, headers: { location: `/api/v1/trigger-executions/${result.executionId}` } });
});
