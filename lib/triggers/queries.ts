import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storedCondition } from "./definition";

export async function listTriggers(companyId: string) {
  const triggers = await db.trigger.findMany({
    where: { companyId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, isActive: true, eventType: true, taskId: true, flowId: true, tableId: true, actions: true, updatedAt: true },
  });
  const stats = await db.$queryRawUnsafe<{ triggerId: string; status: string; count: number; last: Date }[]>(
    `SELECT "triggerId", status::text AS status, count(*)::int AS count, max("executedAt") AS last FROM trigger_executions
      WHERE "companyId" = $1::uuid AND "executedAt" > now() - interval '7 days' GROUP BY "triggerId", status`,
    companyId,
  );
  return triggers.map((trigger) => {
    const own = stats.filter((row) => row.triggerId === trigger.id);
    return {
      ...trigger,
      actionTypes: (Array.isArray(trigger.actions) ? trigger.actions : []).map((action) => (action as { type?: string }).type ?? "?"),
      lastWeek: Object.fromEntries(own.map((row) => [row.status, row.count])) as Record<string, number>,
      lastRunAt: own.reduce<Date | null>((latest, row) => (!latest || row.last > latest ? row.last : latest), null),
    };
  });
}

export async function getTrigger(companyId: string, triggerId: string) {
  const trigger = await db.trigger.findFirst({ where: { id: triggerId, companyId, archivedAt: null } });
  if (!trigger) throw new AppError("NOT_FOUND", "Trigger not found.");
  const secrets = await db.triggerSecret.findMany({ where: { triggerId, companyId }, orderBy: { createdAt: "desc" }, select: { id: true, createdAt: true, expiresAt: true } });
  return { ...trigger, condition: storedCondition(trigger.conditions), secrets };
}

export type TExecutionFilter = { triggerId?: string; status?: string; before?: Date; limit?: number };

/** Executions newest first (keyset on executedAt); DEAD ones form the dead-letter view. */
export async function listExecutions(companyId: string, filter: TExecutionFilter) {
  const limit = Math.min(filter.limit ?? 50, 200);
  const rows = await db.triggerExecution.findMany({
    where: { companyId, ...(filter.triggerId ? { triggerId: filter.triggerId } : {}), ...(filter.status ? { status: filter.status as never } : {}), ...(filter.before ? { executedAt: { lt: filter.before } } : {}) },
    orderBy: { executedAt: "desc" },
    take: limit + 1,
    select: { id: true, triggerId: true, eventId: true, status: true, conditionsMet: true, errorMessage: true, attempts: true, executionTime: true, executedAt: true, trigger: { select: { name: true, eventType: true } } },
  });
  return { items: rows.slice(0, limit), nextBefore: rows.length > limit ? rows[limit - 1]!.executedAt.toISOString() : null };
}

export async function getExecution(companyId: string, executionId: string) {
  const execution = await db.triggerExecution.findFirst({
    where: { id: executionId, companyId },
    include: { trigger: { select: { id: true, name: true, eventType: true } }, actions: { orderBy: { actionIndex: "asc" } } },
  });
  if (!execution) throw new AppError("NOT_FOUND", "Execution not found.");
  const event = await db.outboxEvent.findFirst({ where: { id: execution.eventId, companyId }, select: { type: true, entity: true, entityId: true, depth: true, causationId: true, createdAt: true } });
  return { ...execution, event };
}
