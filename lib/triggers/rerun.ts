import "server-only";
import { AppError } from "@/lib/errors";
import { ensureJobQueue, TRIGGER_EXECUTE_TASK } from "@/lib/jobs/queue";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

// "Re-run" of a failed or dead execution: its failed action runs go back to pending and a job is
// queued. Actions that succeeded stay done — a re-run never repeats them.

const RERUNNABLE = new Set(["FAILED", "DEAD", "PARTIAL_SUCCESS"]);

export async function rerunExecution(ctx: ServiceContext, input: { executionId: string }) {
  await ensureJobQueue();
  return inTransaction(ctx, async (tx, audit) => {
    const execution = await tx.triggerExecution.findFirst({ where: { id: input.executionId, companyId: ctx.companyId }, select: { id: true, status: true } });
    if (!execution) throw new AppError("NOT_FOUND", "Execution not found.");
    if (!RERUNNABLE.has(execution.status)) throw new AppError("CONFLICT", `Only failed executions can be re-run; this one is ${execution.status.toLowerCase().replace("_", " ")}.`);
    await tx.triggerActionRun.updateMany({ where: { executionId: execution.id, status: { not: "SUCCESS" } }, data: { status: "PENDING", error: null } });
    await tx.triggerExecution.update({ where: { id: execution.id }, data: { status: "PENDING", attempts: 0, errorMessage: "Re-run requested" } });
    await tx.$queryRawUnsafe(
      `SELECT graphile_worker.add_job('${TRIGGER_EXECUTE_TASK}', json_build_object('executionId', $1::text), max_attempts := 8, job_key := 'trigger-execute:' || $1, job_key_mode := 'replace')::text`,
      execution.id,
    );
    await audit({ action: "trigger.execution_rerun", entity: "TriggerExecution", entityId: execution.id, before: { status: execution.status }, after: { status: "PENDING" } });
    return { id: execution.id, status: "PENDING" };
  });
}
