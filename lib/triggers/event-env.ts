import "server-only";
import type { Db, Tx } from "@/lib/db";
import { t, type Type, type TypeEnv } from "@/lib/expressions/types";
import { typeEnvOf, type TFieldShape } from "@/lib/forms/type-env";
import { ZTableSchema } from "@/lib/tables/columns";
import { typeEnvOfColumns } from "@/lib/tables/schema-checks";
import type { TEventType } from "./definition";

// The fields a trigger's condition and templates may read, by event type and scope: the form's
// fields (a task), every form of the flow's published version (a flow), the table's columns and
// `previous.*` (a table), the JSON `payload.*` of a webhook, and `event.*` always. Conditions are
// type-checked against this when the trigger is saved and again before each execution.

const TASK_OR_FLOW = new Set<TEventType>(["TASK_COMPLETED", "TASK_STARTED", "TASK_UPDATED", "FLOW_STARTED", "FLOW_COMPLETED"]);
const EVENT_FIELDS: TypeEnv = { "event.type": t.string, "event.id": t.string, "event.entity": t.string, "event.entityId": t.string, "event.at": t.datetime };

async function taskFields(db: Tx | Db, companyId: string, taskId: string, eventType: TEventType): Promise<TypeEnv> {
  const version = await db.taskVersion.findFirst({ where: { companyId, taskId, state: "PUBLISHED" }, orderBy: { number: "desc" }, select: { definition: true } });
  const fields = (version?.definition as { fields?: TFieldShape[] } | undefined)?.fields ?? [];
  return withPrevious(typeEnvOf({ fields }), eventType === "TASK_UPDATED");
}

/** A resubmission's and a row update's `previous.*` values and `changed` field list. */
function withPrevious(fields: TypeEnv, isUpdate: boolean): TypeEnv {
  if (!isUpdate) return fields;
  const env: Record<string, Type> = { ...fields, changed: t.list(t.string) };
  for (const [key, type] of Object.entries(fields)) env[`previous.${key}`] = type;
  return env;
}

async function flowFields(db: Tx | Db, companyId: string, flowId: string): Promise<TypeEnv> {
  const version = await db.flowVersion.findFirst({
    where: { companyId, flowId, state: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { levels: { select: { tasks: { select: { taskVersion: { select: { definition: true } } } } } } },
  });
  const env: Record<string, Type> = {};
  for (const level of version?.levels ?? []) {
    for (const task of level.tasks) Object.assign(env, typeEnvOf({ fields: (task.taskVersion.definition as { fields?: TFieldShape[] }).fields ?? [] }));
  }
  return env;
}

async function tableFields(db: Tx | Db, companyId: string, tableId: string, eventType: TEventType): Promise<TypeEnv> {
  const table = await db.customTable.findFirst({ where: { id: tableId, companyId }, select: { schema: true } });
  const columns = ZTableSchema.safeParse(table?.schema).data?.columns ?? [];
  return withPrevious(typeEnvOfColumns(columns), eventType === "DATABASE_ROW_UPDATED");
}

export async function triggerTypeEnv(db: Tx | Db, companyId: string, trigger: { eventType: TEventType; taskId: string | null; flowId: string | null; tableId: string | null }): Promise<TypeEnv> {
  const scoped: TypeEnv =
    trigger.eventType === "WEBHOOK_RECEIVED"
      ? { payload: t.unknown }
      : trigger.eventType === "SCHEDULED"
        ? { scheduledFor: t.datetime }
        : trigger.eventType === "FIELD_CHANGED"
          ? { field: t.string, from: t.unknown, to: t.unknown }
          : trigger.tableId
            ? await tableFields(db, companyId, trigger.tableId, trigger.eventType)
            : trigger.taskId
              ? await taskFields(db, companyId, trigger.taskId, trigger.eventType)
              : trigger.flowId
                ? withPrevious(await flowFields(db, companyId, trigger.flowId), trigger.eventType === "TASK_UPDATED")
                : {};
  // Task and flow events link to their request (event-view.ts); standalone form submissions have none.
  const link: TypeEnv = TASK_OR_FLOW.has(trigger.eventType) ? { link_to_task: t.string } : {};
  const ending: TypeEnv = trigger.eventType === "FLOW_COMPLETED" ? { status: t.string } : {};
  return { ...scoped, ...ending, ...link, ...EVENT_FIELDS };
}

/** Whether a template variable names something the event offers (prefixes of unknown values count). */
export function offersPath(env: TypeEnv, path: string): boolean {
  if (Object.hasOwn(env, path)) return true;
  const parts = path.split(".");
  for (let length = parts.length - 1; length > 0; length--) {
    const prefix = parts.slice(0, length).join(".");
    if (Object.hasOwn(env, prefix)) return env[prefix]!.kind === "unknown";
  }
  return false;
}
