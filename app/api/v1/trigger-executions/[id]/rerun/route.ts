import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { rerunExecution } from "@/lib/triggers/rerun";

export const dynamic = "force-dynamic";

/** Re-runs a FAILED, DEAD or PARTIAL_SUCCESS execution; actions that succeeded are not repeated. */
export const POST = apiRoute<{ id: string }>({ permission: "triggers.update" }, async ({ ctx, params }) =>
  Response.json(await rerunExecution(ctx, { executionId: parseId(params.id, "Execution") }), { status: 202 }),
);
