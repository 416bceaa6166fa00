// The engine's vocabulary: instance state, events in, effects out. Everything here is plain JSON so
// the runner can store the state with the instance and the effects as rows (assignments, history,
// outbox) in the same transaction.
import { z } from "zod";
import type { Type } from "@/lib/expressions/types";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type InstanceStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "REJECTED" | "CANCELLED" | "FAILED";
export const TERMINAL_STATUSES: readonly InstanceStatus[] = ["COMPLETED", "REJECTED", "CANCELLED", "FAILED"];
export const isTerminal = (status: InstanceStatus) => TERMINAL_STATUSES.includes(status);

/** The key of the "manager of the initiator" slot in reassign (it may have no principal). */
export const MANAGER_SLOT = "initiator_manager";

/** Who acts. The caller resolves principals (lib/flows/principals.ts) and the manager relation. */
export type Actor = {
  userId: string;
  /** `u:<userId>`, `r:<roleId>`, `d:<departmentId>` keys the user answers to. */
  principals: string[];
  /** Whether the actor is the manager of this instance's initiator. */
  isInitiatorManager: boolean;
  isAdmin: boolean;
};

/** The attributes conditions read as `initiator.*`, snapshotted at start. */
export type InitiatorSnapshot = { id: string; departmentId: string | null; roleIds: string[] } & JsonObject;

/** Why the instance went where it went ("why is this here?"). */
export type BranchEvaluation = {
  branchId: string;
  name: string;
  source: string;
  result: boolean;
  /** Indented lines such as `amount (12000) >= 1000 → true`. */
  explanation: string;
};
export type RouteTarget = { kind: "LEVEL"; levelId: string } | { kind: "COMPLETE" } | { kind: "REJECT" };
export type RoutingDecision = {
  fromLevelId: string;
  /** Conditions evaluated in priority order, up to the first true one. */
  evaluated: BranchEvaluation[];
  /** condition: a condition held; default: the default branch; next_level / last_level: no branch applied. */
  chosenBy: "condition" | "default" | "next_level" | "last_level";
  branchId: string | null;
  target: RouteTarget;
  /** One line for people, e.g. `Finance review (≥ 1,000): amount (12000) >= 1000 → true`. */
  summary: string;
};

/** The current visit of a level: who holds it and what was decided so far. */
export type LevelVisit = {
  levelId: string;
  /** Increases with every level entry; timers carry it so one from an earlier visit is stale. */
  visit: number;
  enteredAt: string;
  dueAt: string | null;
  /** Open assignment keys (inbox principals). */
  principals: string[];
  /** The level has an open "manager of the initiator" slot (eligible via Actor.isInitiatorManager). */
  managerOpen: boolean;
  /** For ALL: the users who must each approve, resolved when the level was entered. */
  eligibleUserIds: string[] | null;
  reminded: boolean;
  escalated: boolean;
};

export type FlowState = {
  status: InstanceStatus;
  /** Bumped by exactly 1 per accepted event (compare-and-set in the runner); 0 before start. */
  version: number;
  currentLevelId: string | null;
  /** Submitted form values merged by key (later submissions win). */
  data: JsonObject;
  /** Approvals at the current visit, by user id. */
  levelDecisions: Record<string, "approved">;
  /** The route to the current level, start first, without repeats (send-back targets, diagram). */
  path: string[];
  startedBy: string | null;
  initiator: InitiatorSnapshot | null;
  current: LevelVisit | null;
  /** The routing that brought the instance to its current level or end. */
  routing: RoutingDecision | null;
  visits: number;
  startedAt: string | null;
  updatedAt: string | null;
  endedAt: string | null;
};

// ---------------------------------------------------------------------------------------------------
// Events

const ZAt = z.iso.datetime({ offset: true });
const ZIdText = z.string().min(1).max(200);
const ZActor = z.object({
  userId: ZIdText,
  principals: z.array(z.string().max(210)).max(1000),
  isInitiatorManager: z.boolean(),
  isAdmin: z.boolean(),
});
const ZData = z.record(z.string().max(200), z.json());
const ZText = z.string().max(10_000);

export const ZFlowEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), initiator: ZActor, attributes: ZData.optional(), data: ZData.optional(), at: ZAt }),
  z.object({ type: z.literal("submit"), actor: ZActor, data: ZData, comment: ZText.optional(), at: ZAt }),
  z.object({ type: z.literal("approve"), actor: ZActor, comment: ZText.optional(), data: ZData.optional(), at: ZAt }),
  z.object({ type: z.literal("reject"), actor: ZActor, reason: ZText, at: ZAt }),
  z.object({ type: z.literal("send_back"), actor: ZActor, reason: ZText, toLevelId: ZIdText, at: ZAt }),
  z.object({ type: z.literal("request_changes"), actor: ZActor, reason: ZText, at: ZAt }),
  z.object({ type: z.literal("cancel"), actor: ZActor, reason: ZText.optional(), at: ZAt }),
  z.object({ type: z.literal("timer_fired"), kind: z.enum(["reminder", "escalation"]), levelId: ZIdText, visit: z.number().int().optional(), at: ZAt }),
  z.object({
    type: z.literal("reassign"),
    actor: ZActor,
    fromPrincipal: z.string().min(1).max(210),
    toUserId: ZIdText,
    reason: ZText.optional(),
    /** ALL levels: the users the level's principals resolve to after the reassignment (else adjusted by user). */
    eligibleUserIds: z.array(ZIdText).max(10_000).optional(),
    at: ZAt,
  }),
]);
/** An event for `advance`; `at` is an ISO instant with offset (the engine never reads the clock). */
export type FlowEvent = z.infer<typeof ZFlowEvent>;
export type FlowEventType = FlowEvent["type"];
export type EventOf<K extends FlowEventType> = Extract<FlowEvent, { type: K }>;

/** What the runner knows that the engine cannot look up. */
export type AdvanceContext = {
  /** The initiator's manager, to put `u:<managerId>` in the inbox of INITIATOR_MANAGER levels. */
  initiatorManagerId?: string | null;
  /** For ALL levels: the users each level's assignees resolve to now (used when a level is entered). */
  eligibleUserIds?: Readonly<Record<string, readonly string[]>>;
  /** Types of data fields for conditions; fields not listed are read as `unknown` (converted on use). */
  fieldTypes?: Readonly<Record<string, Type>>;
  /** IANA zone for today() in conditions (UTC by default). */
  timeZone?: string;
};

// ---------------------------------------------------------------------------------------------------
// Effects: data for the runner to apply in the same transaction (assignments, history, outbox)

export type HistoryAction =
  | "STARTED"
  | "SUBMITTED"
  | "APPROVED"
  | "REJECTED"
  | "SENT_BACK"
  | "CHANGES_REQUESTED"
  | "CANCELLED"
  | "REASSIGNED"
  | "REMINDED"
  | "ESCALATED"
  | "COMPLETED";
export type NotifyTemplate = "assigned" | "decided" | "escalated" | "reminder" | "completed" | "rejected" | "cancelled";
export type TriggerEventType = "FLOW_STARTED" | "TASK_STARTED" | "TASK_COMPLETED" | "TASK_UPDATED" | "FIELD_CHANGED" | "FLOW_COMPLETED";
export type CloseReason = "decided" | "rejected" | "sent_back" | "changes_requested" | "cancelled" | "reassigned";

export type Effect =
  | { type: "open_assignments"; levelId: string; visit: number; principals: string[]; dueAt: string | null }
  | { type: "close_assignments"; levelId: string; visit: number; reason: CloseReason; decidedBy: string | null; principals?: string[] }
  | {
      type: "record_history";
      action: HistoryAction;
      fromLevelId: string | null;
      toLevelId: string | null;
      actorId: string | null;
      comment: string | null;
      /** Values submitted with this event (not the whole instance data). */
      data: JsonObject;
      /** The instance status after the event. */
      status: InstanceStatus;
      at: string;
      selfApproved?: true;
      routing?: RoutingDecision;
    }
  | { type: "schedule_timer"; kind: "reminder" | "escalation"; levelId: string; visit: number; at: string }
  | { type: "notify"; template: NotifyTemplate; userIds: string[]; principals: string[]; levelId: string | null; actorId: string | null; comment: string | null; /** The routing rule that ended the flow (not a person's words). */ reason?: string }
  | { type: "emit_event"; event: TriggerEventType; payload: JsonObject };

// ---------------------------------------------------------------------------------------------------
// Results

export type EngineErrorCode =
  | "NOT_STARTED"
  | "ALREADY_STARTED"
  | "TERMINAL"
  | "NOT_ASSIGNEE"
  | "FORBIDDEN"
  | "ACTION_NOT_ALLOWED"
  | "REASON_REQUIRED"
  | "SELF_APPROVAL"
  | "BAD_TARGET"
  | "ALREADY_DECIDED"
  | "BAD_EVENT"
  | "BAD_DEFINITION"
  | "INTERNAL";
export type EngineError = { code: EngineErrorCode; message: string };

export type AdvanceResult =
  | {
      ok: true;
      state: FlowState;
      effects: Effect[];
      /** True for an ignored event (a stale or repeated timer): same state and version, nothing to write. */
      noop: boolean;
    }
  | { ok: false; error: EngineError };
