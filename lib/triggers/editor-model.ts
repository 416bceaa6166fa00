import type { TEventType, TTriggerAction, TTriggerInput } from "./definition";
import { scopeKindOf } from "./labels";

// The trigger editor's pure helpers: a stored trigger as form values, a new action of each type,
// and the scope ids an event type keeps. Client-safe; no I/O.

export type TActionType = TTriggerAction["type"];
export const ACTION_TYPES: TActionType[] = ["send_email", "start_flow", "create_row", "update_row", "call_webhook", "notify"];

export const EMPTY_TRIGGER: TTriggerInput = {
  name: "",
  description: "",
  isActive: true,
  eventType: "TASK_COMPLETED",
  eventConfig: {},
  condition: "",
  actions: [],
  settings: { stopOnFailure: true },
  taskId: null,
  flowId: null,
  tableId: null,
};

/** A fresh action of a type, with the config its form starts from. */
export function newAction(type: TActionType): TTriggerInput["actions"][number] {
  switch (type) {
    case "send_email":
      return { type, config: { to: [], toRoles: [], toActor: false, template: "" } };
    case "start_flow":
      return { type, config: { flowId: "", data: {}, initiator: "actor" } };
    case "create_row":
    case "update_row":
      return { type, config: { tableId: "", values: {}, ...(type === "update_row" ? { recordIdFrom: "event.entityId" } : {}) } };
    case "call_webhook":
      return { type, config: { url: "", method: "POST", headers: {}, body: "", timeoutMs: 10_000 } };
    case "notify":
      return { type, config: { userIds: [], roleIds: [], toActor: false, title: "", body: "" } };
  }
}

/** Keeps only the scope the event type is narrowed by (a form's events come from no table, …). */
export function scopeForEvent(eventType: TEventType, scope: { taskId: string | null; flowId: string | null; tableId: string | null }) {
  const kind = scopeKindOf(eventType);
  return { taskId: kind === "task" ? scope.taskId : null, flowId: kind === "flow" ? scope.flowId : null, tableId: kind === "table" ? scope.tableId : null };
}

type TStored = {
  name: string;
  description: string | null;
  isActive: boolean;
  eventType: string;
  eventConfig: unknown;
  condition: string | null;
  actions: unknown;
  settings: unknown;
  taskId: string | null;
  flowId: string | null;
  tableId: string | null;
};

/** A saved trigger as the editor's form values (JSON columns read back as the definition's shapes). */
export function toFormValues(stored: TStored): TTriggerInput {
  return {
    name: stored.name,
    description: stored.description ?? "",
    isActive: stored.isActive,
    eventType: stored.eventType as TEventType,
    eventConfig: (stored.eventConfig ?? {}) as TTriggerInput["eventConfig"],
    condition: stored.condition ?? "",
    actions: (Array.isArray(stored.actions) ? stored.actions : []) as TTriggerInput["actions"],
    settings: { stopOnFailure: true, ...((stored.settings ?? {}) as object) } as TTriggerInput["settings"],
    taskId: stored.taskId,
    flowId: stored.flowId,
    tableId: stored.tableId,
  };
}

/** A list typed as "a@x.com, b@y.com" (commas, semicolons or new lines) as its items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
