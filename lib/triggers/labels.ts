import type { TEventType } from "./definition";

// Words the trigger pages show for event types, action types and execution statuses, and which
// scope picker an event type needs. Client-safe.

export const EVENT_LABELS: Record<TEventType, string> = {
  TASK_COMPLETED: "Form submitted",
  TASK_STARTED: "Form task started",
  TASK_UPDATED: "Form submission updated",
  FIELD_CHANGED: "Field changed",
  FLOW_STARTED: "Flow started",
  FLOW_COMPLETED: "Flow completed",
  DATABASE_ROW_CREATED: "Table row created",
  DATABASE_ROW_UPDATED: "Table row updated",
  DATABASE_ROW_DELETED: "Table row deleted",
  SCHEDULED: "On a schedule",
  WEBHOOK_RECEIVED: "Webhook received",
};

export const ACTION_LABELS: Record<string, string> = {
  send_email: "Send email",
  start_flow: "Start flow",
  create_row: "Create row",
  update_row: "Update row",
  call_webhook: "Call webhook",
  notify: "Notify",
};

export type TScopeKind = "task" | "flow" | "table" | "none";

/** Which scope an event type is narrowed by: the form for task events, the flow, the table for rows. */
export function scopeKindOf(eventType: TEventType): TScopeKind {
  switch (eventType) {
    case "TASK_COMPLETED":
    case "TASK_STARTED":
    case "TASK_UPDATED":
    case "FIELD_CHANGED":
      return "task";
    case "FLOW_STARTED":
    case "FLOW_COMPLETED":
      return "flow";
    case "DATABASE_ROW_CREATED":
    case "DATABASE_ROW_UPDATED":
    case "DATABASE_ROW_DELETED":
      return "table";
    default:
      return "none";
  }
}

export const EXECUTION_STATUSES = ["PENDING", "RUNNING", "SUCCESS", "PARTIAL_SUCCESS", "FAILED", "DEAD", "SKIPPED"] as const;

export const STATUS_STYLES: Record<string, string> = {
  PENDING: "bg-slate-100 text-slate-700",
  RUNNING: "bg-blue-100 text-blue-800",
  SUCCESS: "bg-green-100 text-green-800",
  PARTIAL_SUCCESS: "bg-amber-100 text-amber-800",
  FAILED: "bg-red-100 text-red-800",
  DEAD: "bg-red-200 text-red-900",
  SKIPPED: "bg-slate-100 text-slate-600",
};

export const statusLabel = (status: string) => (status === "DEAD" ? "Dead letter" : status.charAt(0) + status.slice(1).toLowerCase().replace("_", " "));

/** Executions that may be re-run (mirrors rerun.ts). */
export const isRerunnable = (status: string) => status === "FAILED" || status === "DEAD" || status === "PARTIAL_SUCCESS";
