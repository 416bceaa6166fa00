import "server-only";
import { compileCondition } from "@/lib/expressions/api";
import { db } from "@/lib/db";
import { storedCondition, ZTriggerAction, ZTriggerSettings, type TEventType, type TTriggerAction, type TTriggerSettings } from "./definition";
import { triggerTypeEnv } from "./event-env";

// A trigger as the executor needs it — settings and actions parsed, the condition compiled against
// the event's fields — built once per trigger version instead of once per execution (the type
// environment alone is a query). Keyed by id + updatedAt, so any save of the trigger misses the cache;
// entries also expire after a short while because the environment depends on the *published* version
// of the form, flow or table, which can change without touching the trigger.

const TTL_MS = 30_000;
const LIMIT = 1_000;

type TCondition = ReturnType<typeof compileCondition>;

export type TCompiledTrigger = {
  settings: TTriggerSettings;
  actions: TTriggerAction[] | null;
  source: string | null;
  condition: TCondition | null;
};

type Entry = { key: string; expires: number; compiled: TCompiledTrigger };
const cache = new Map<string, Entry>();

export type TTriggerRow = { triggerId: string; companyId: string; triggerUpdatedAt: Date; eventType: string; taskId: string | null; flowId: string | null; tableId: string | null; conditions: unknown; actions: unknown; settings: unknown };

/** The compiled trigger for this stored version (from the cache when fresh). */
export async function compiledTrigger(row: TTriggerRow): Promise<TCompiledTrigger> {
  const key = `${row.triggerId}:${row.triggerUpdatedAt.getTime()}`;
  const hit = cache.get(row.triggerId);
  if (hit && hit.key === key && hit.expires > Date.now()) return hit.compiled;
  const actions = ZTriggerAction.array().safeParse(row.actions);
  const source = storedCondition(row.conditions);
  const condition = source
    ? compileCondition(source, await triggerTypeEnv(db, row.companyId, { eventType: row.eventType as TEventType, taskId: row.taskId, flowId: row.flowId, tableId: row.tableId }))
    : null;
  const compiled = { settings: ZTriggerSettings.parse(row.settings ?? {}), actions: actions.success ? actions.data : null, source, condition };
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(row.triggerId, { key, expires: Date.now() + TTL_MS, compiled });
  return compiled;
}

