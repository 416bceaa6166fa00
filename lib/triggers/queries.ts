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
    select: { id: true, triggerId: true, eventId: true, status: true, testRunById: true, conditionsMet: true, errorMessage: true, attempts: true, executionTime: true, executedAt: true, trigger: { select: { name: true, eventType: true } } },
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

/** The latest outbox events of one type (for the editor's "Test" against a past event), newest first. */
export async function listRecentEvents(companyId: string, filter: { type: string; limit?: number }) {
  const events = await db.outboxEvent.findMany({
    where: { companyId, type: filter.type as never },
    orderBy: { createdAt: "desc" },
    take: Math.min(filter.limit ?? 20, 50),
    select: { id: true, type: true, entity: true, entityId: true, payload: true, createdAt: true },
  });
  // A one-line summary for the picker: the payload's first few top-level values.
  return events.map((event) => ({ id: event.id, type: event.type, entity: event.entity, createdAt: event.createdAt.toISOString(), summary: summarise(event.payload) }));
}

function summarise(payload: unknown): string {
  const data = payload && typeof payload === "object" ? ((payload as { data?: unknown }).data ?? (payload as { body?: unknown }).body ?? payload) : {};
  if (!data || typeof data !== "object") return "";
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value === null || typeof value !== "object")
    .slice(0, 3)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

/** The name of what a trigger is scoped to (a form, a flow or a table), for the list. */
export async function listScopeNames(companyId: string) {
  const [tasks, flows, tables] = await Promise.all([
    db.task.findMany({ where: { companyId }, select: { id: true, name: true } }),
    db.flow.findMany({ where: { companyId }, select: { id: true, name: true } }),
    db.customTable.findMany({ where: { companyId }, select: { id: true, displayName: true } }),
  ]);
  return new Map<string, string>([...tasks.map((t) => [t.id, `Form: ${t.name}`] as const), ...flows.map((f) => [f.id, `Flow: ${f.name}`] as const), ...tables.map((t) => [t.id, `Table: ${t.displayName}`] as const)]);
}
