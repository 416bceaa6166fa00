// What a trigger sees of an outbox event. Events come from forms, flows, tables and webhooks with
// payloads of their own shape; this turns each into one view: the data a condition and templates read
// (field values at the top level, plus `previous.*` for row updates, `payload.*` for webhooks and
// `event.*` for the event itself), the actor who caused it, and the task/flow/table it belongs to.

export type TOutboxEvent = {
  id: string;
  companyId: string;
  type: string;
  entity: string;
  entityId: string;
  payload: unknown;
  depth: number;
  createdAt: Date;
};

export type TEventView = {
  scope: Record<string, unknown>;
  actorId: string | null;
  taskId: string | null;
  flowId: string | null;
  tableId: string | null;
  instanceId: string | null;
  recordId: string | null;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * `appUrl` (the app's public URL) adds `link_to_task`, the absolute link to the request an event of
 * a flow belongs to, which email templates such as the demo's high_value_expense put in the mail.
 */
export function eventView(event: TOutboxEvent, options: { appUrl?: string } = {}): TEventView {
  const payload = isObject(event.payload) ? event.payload : {};
  const meta = { type: event.type, id: event.id, entity: event.entity, entityId: event.entityId, at: event.createdAt.toISOString() };
  const base = {
    actorId: text(payload.executorId) ?? text(payload.actorId) ?? text(payload.initiatorId),
    taskId: text(payload.taskId),
    flowId: text(payload.flowId),
    tableId: text(payload.tableId),
    instanceId: text(payload.instanceId) ?? (event.entity === "FlowInstance" ? event.entityId : null),
    recordId: event.entity === "CustomTableRecord" ? event.entityId : null,
  };
  switch (event.type) {
    case "WEBHOOK_RECEIVED":
      return { ...base, scope: { payload: payload.body ?? payload, event: meta } };
    case "FIELD_CHANGED":
      return { ...base, scope: { field: payload.field, from: payload.from, to: payload.to, event: meta } };
    case "SCHEDULED":
      return { ...base, scope: { event: meta, scheduledFor: payload.scheduledFor ?? meta.at } };
    case "DATABASE_ROW_UPDATED":
      return { ...base, scope: { ...(isObject(payload.data) ? payload.data : {}), previous: isObject(payload.previous) ? payload.previous : {}, changed: payload.changed ?? [], event: meta } };
    default: {
      const link = options.appUrl && base.instanceId ? { link_to_task: `${options.appUrl.replace(/\/$/, "")}/instances/${base.instanceId}` } : {};
      // A resubmission (TASK_UPDATED) also shows what the changed fields were before.
      const update = event.type === "TASK_UPDATED" ? { previous: isObject(payload.previous) ? payload.previous : {}, changed: payload.changed ?? [] } : {};
      // How the flow ended (COMPLETED, REJECTED or CANCELLED); it wins over a form field of that name.
      const ending = event.type === "FLOW_COMPLETED" ? { status: payload.status ?? "COMPLETED" } : {};
      return { ...base, scope: { ...(isObject(payload.data) ? payload.data : {}), ...update, ...ending, ...link, event: meta } };
    }
  }
}

/** Whether a trigger scoped to a task/flow/table applies to this event (unscoped: every event). */
export function inScope(trigger: { taskId: string | null; flowId: string | null; tableId: string | null }, view: TEventView): boolean {
  if (trigger.taskId && trigger.taskId !== view.taskId) return false;
  if (trigger.flowId && trigger.flowId !== view.flowId) return false;
  if (trigger.tableId && trigger.tableId !== view.tableId) return false;
  return true;
}
