// The words of flow notifications (in-app and email). Pure, so the texts are easy to review and test.
import type { NotifyTemplate } from "@/lib/flows/engine/types";

const VERBS: Record<string, string> = {
  APPROVED: "approved",
  SUBMITTED: "submitted",
  REJECTED: "rejected",
  SENT_BACK: "sent back",
  CHANGES_REQUESTED: "asked for changes to",
  CANCELLED: "cancelled",
};

/** The past-tense verb people read for a history action ("approved", "sent back"). */
export const verbOf = (action: string) => VERBS[action] ?? action.toLowerCase().replaceAll("_", " ");

export type NotificationTextInput = {
  template: NotifyTemplate;
  flowName: string;
  levelName: string;
  actorName: string | null;
  /** The history action of the event that caused the notification. */
  action: string;
  comment: string | null;
  /** The routing rule that ended the flow, when a rule rather than a person ended it. */
  reason?: string | null;
};

/** Title and body of one notification. */
export function notificationText(input: NotificationTextInput): { title: string; body: string } {
  const { flowName, levelName, actorName, comment } = input;
  const said = comment ? `\n\n“${comment}”` : "";
  switch (input.template) {
    case "assigned":
      return { title: `${flowName}: "${levelName}" is waiting for you`, body: `A request needs your action at "${levelName}".` };
    case "decided":
      return { title: `${flowName}: ${actorName ?? "Someone"} ${verbOf(input.action)} your request`, body: `At "${levelName}".${said}` };
    case "reminder":
      return { title: `Reminder: ${flowName} is waiting at "${levelName}"`, body: `This request is due soon or overdue at "${levelName}".` };
    case "escalated":
      return { title: `${flowName}: overdue at "${levelName}", escalated to you`, body: `Nobody acted on this request in time at "${levelName}"; it now waits for you too.` };
    case "completed":
      // The routing rule that completed it is how, not why: the initiator only needs the outcome.
      return { title: `${flowName}: your request was approved`, body: `Your request completed.${said}` };
    case "rejected":
      if (input.reason) return { title: `${flowName}: your request was rejected`, body: `The flow's rules rejected it${levelName ? ` after "${levelName}"` : ""}: ${input.reason}.${said}` };
      return { title: `${flowName}: your request was rejected`, body: `${actorName ? `${actorName} rejected it` : "It was rejected"}${levelName ? ` at "${levelName}"` : ""}.${said}` };
    case "cancelled":
      return { title: `${flowName}: request cancelled`, body: `${actorName ? `${actorName} cancelled it` : "It was cancelled"}.${said}` };
  }
}
