// How a request's state reads to people: one label and tone per status (a running request that was
// returned to its initiator reads "Changes requested"), and one verb per history action. Pure.
import type { HistoryAction, InstanceStatus } from "@/lib/flows/engine/types";

export type StatusTone = "info" | "warning" | "success" | "danger" | "neutral";
export type RequestStatusView = { key: "running" | "changes_requested" | "completed" | "rejected" | "cancelled" | "failed" | "not_started"; label: string; tone: StatusTone };

/** The label of an instance status; `changesRequested` marks a running request waiting for its initiator. */
export function requestStatus(status: InstanceStatus, changesRequested = false): RequestStatusView {
  switch (status) {
    case "IN_PROGRESS":
      return changesRequested ? { key: "changes_requested", label: "Changes requested", tone: "warning" } : { key: "running", label: "Running", tone: "info" };
    case "COMPLETED":
      return { key: "completed", label: "Completed", tone: "success" };
    case "REJECTED":
      return { key: "rejected", label: "Rejected", tone: "danger" };
    case "CANCELLED":
      return { key: "cancelled", label: "Cancelled", tone: "neutral" };
    case "FAILED":
      return { key: "failed", label: "Failed", tone: "danger" };
    case "NOT_STARTED":
      return { key: "not_started", label: "Not started", tone: "neutral" };
  }
}

/** The filter choices of "My requests", as `?status=` values of ZMyRequestsQuery. */
export const REQUEST_FILTER_OPTIONS = [
  { value: "IN_PROGRESS", label: "Running" },
  { value: "CHANGES_REQUESTED", label: "Changes requested" },
  { value: "COMPLETED", label: "Completed" },
  { value: "REJECTED", label: "Rejected" },
  { value: "CANCELLED", label: "Cancelled" },
] as const;

const HISTORY_VERBS: Record<HistoryAction, string> = {
  STARTED: "started the request",
  SUBMITTED: "submitted",
  APPROVED: "approved",
  REJECTED: "rejected",
  SENT_BACK: "sent it back",
  CHANGES_REQUESTED: "requested changes",
  CANCELLED: "cancelled the request",
  REASSIGNED: "reassigned the task",
  REMINDED: "sent a reminder",
  ESCALATED: "escalated the task",
  COMPLETED: "completed",
};

/** "approved", "sent it back"… for a history entry; an unknown action reads as itself in lower case. */
export function historyVerb(action: string): string {
  return Object.hasOwn(HISTORY_VERBS, action) ? HISTORY_VERBS[action as HistoryAction] : action.toLowerCase().replaceAll("_", " ");
}

/** The level actions as button labels. */
export const ACTION_LABELS = {
  submit: "Submit",
  approve: "Approve",
  reject: "Reject",
  send_back: "Send back",
  request_changes: "Request changes",
} as const;

/** A short reference people can read out ("R-3F2A1B9C"): the start of the instance id. */
export function referenceOf(instanceId: string): string {
  return `R-${instanceId.replaceAll("-", "").slice(0, 8).toUpperCase()}`;
}
