// Turns the engine's effects into the rows one statement writes (lib/flows/runner/persist.ts):
// history, assignment closes and opens, submissions, outbox events, notifications, timer jobs.
// Pure — no database — so the mapping is unit-tested on its own. Several accepted events may be
// planned together (start + the initiator's first submit): assignments opened and closed within
// the batch are written once, already closed.
import type { TFlowDefinition } from "@/lib/flows/definition";
import type { CloseReason, Effect, FlowEvent, FlowState, InstanceStatus, JsonObject, NotifyTemplate } from "@/lib/flows/engine/types";
import { notificationText } from "./notify-text";

export type PlannedStep = {
  /** The state after the event (its `version` is the history row's seq). */
  state: FlowState;
  effects: Effect[];
  event: FlowEvent;
  /** Validated form submissions made with this event, one per form of the level. */
  submissions?: ReadonlyArray<{ taskId: string; taskVersionId: string; levelId: string; data: JsonObject }>;
};

export type PlanInput = {
  instanceId: string;
  flowId: string;
  flowVersionId: string;
  flowName: string;
  definition: TFlowDefinition;
  /** Display names of the users who act in these steps (for notification texts). */
  actorNames: Readonly<Record<string, string>>;
  steps: readonly PlannedStep[];
  /** An audit entry to write with the transition (admin actions). */
  audit?: { action: string; actorId: string | null; actorType: "USER" | "API_KEY" | "SYSTEM"; metadata: JsonObject; ipAddress: string | null; userAgent: string | null };
  /** The event (and its depth) of the trigger action that caused this transition, if one did. */
  causation?: { eventId: string; depth: number };
};

export type HistoryRow = { seq: number; action: string; actorId: string | null; fromLevelId: string | null; toLevelId: string | null; comment: string | null; data: JsonObject; createdAt: string };
export type CloseRow = { levelId: string; visit: number; status: "DONE" | "CANCELLED"; decidedById: string | null; decision: CloseReason; principals: string[] | null; completedAt: string };
export type OpenRow = { levelId: string; visit: number; principal: string; status: "OPEN" | "DONE" | "CANCELLED"; decidedById: string | null; decision: string | null; dueAt: string | null; createdAt: string; completedAt: string | null };
export type ExecutionRow = { taskId: string; taskVersionId: string; levelId: string; data: JsonObject; executorId: string; at: string };
/** `causationId`/`depth`: set when a trigger's action caused this transition (a loop guard). */
export type OutboxRow = { type: string; payload: JsonObject; dedupeKey: string; at: string; causationId?: string; depth?: number };
export type NotificationRow = {
  idx: number;
  type: NotifyTemplate;
  title: string;
  body: string;
  link: string;
  data: JsonObject;
  /** The user whose action caused this; never notified about it. */
  actorId: string | null;
  userIds: string[];
  roleIds: string[];
  departmentIds: string[];
};
export type TimerRow = { kind: "reminder" | "escalation"; levelId: string; visit: number; at: string; jobKey: string };
export type AuditRow = { action: string; actorId: string | null; actorType: string; metadata: JsonObject; ipAddress: string | null; userAgent: string | null };

export type WritePlan = {
  instance: { version: number; status: Exclude<InstanceStatus, "NOT_STARTED">; currentLevelId: string | null; data: JsonObject; state: FlowState; completedAt: string | null };
  history: HistoryRow[];
  closes: CloseRow[];
  opens: OpenRow[];
  executions: ExecutionRow[];
  outbox: OutboxRow[];
  notifications: NotificationRow[];
  timers: TimerRow[];
  audit: AuditRow[];
};

/** The graphile-worker job key of a timer: a repeated schedule replaces the job instead of adding one. */
export const timerJobKey = (instanceId: string, levelId: string, visit: number, kind: string) => `timer:${instanceId}:${levelId}:${visit}:${kind}`;

/** Closing a level because it was decided keeps the work as done; cancelling or reassigning withdraws it. */
const closeStatus = (reason: CloseReason): "DONE" | "CANCELLED" => (reason === "cancelled" || reason === "reassigned" ? "CANCELLED" : "DONE");

const keysWith = (principals: readonly string[], prefix: string) => principals.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));

/** Plans the rows for a batch of accepted (non-noop) steps. */
export function planWrites(input: PlanInput): WritePlan {
  const { instanceId, definition } = input;
  const levelName = (levelId: string | null) => (levelId ? (definition.levels.find((level) => level.id === levelId)?.name ?? "a level") : "");
  const plan: Omit<WritePlan, "instance"> = { history: [], closes: [], opens: [], executions: [], outbox: [], notifications: [], timers: [], audit: [] };

  for (const step of input.steps) {
    const seq = step.state.version;
    const at = step.event.at;
    const history = step.effects.filter((effect) => effect.type === "record_history");
    if (history.length !== 1) throw new Error(`An accepted event must record exactly one history entry (got ${history.length})`);
    const action = history[0].type === "record_history" ? history[0].action : "";
    // Nobody is notified about their own action (the initiator starting, an approver approving).
    const actingUserId = "actor" in step.event ? step.event.actor.userId : step.event.type === "start" ? step.event.initiator.userId : null;
    const counts = new Map<string, number>();
    for (const effect of step.effects) {
      switch (effect.type) {
        case "record_history": {
          const extra: JsonObject = {};
          if (effect.routing) extra.routing = effect.routing as unknown as JsonObject;
          if (effect.selfApproved) extra.selfApproved = true;
          plan.history.push({
            seq,
            action: effect.action,
            actorId: effect.actorId,
            fromLevelId: effect.fromLevelId,
            toLevelId: effect.toLevelId,
            comment: effect.comment,
            data: { values: effect.data, status: effect.status, ...extra },
            createdAt: effect.at,
          });
          break;
        }
        case "open_assignments":
          for (const principal of effect.principals) {
            plan.opens.push({ levelId: effect.levelId, visit: effect.visit, principal, status: "OPEN", decidedById: null, decision: null, dueAt: effect.dueAt, createdAt: at, completedAt: null });
          }
          break;
        case "close_assignments": {
          const status = closeStatus(effect.reason);
          // Rows opened earlier in this batch are closed in memory; the update covers stored rows.
          for (const open of plan.opens) {
            if (open.status !== "OPEN" || open.levelId !== effect.levelId || open.visit !== effect.visit) continue;
            if (effect.principals && !effect.principals.includes(open.principal)) continue;
            Object.assign(open, { status, decidedById: effect.decidedBy, decision: effect.reason, completedAt: at });
          }
          plan.closes.push({ levelId: effect.levelId, visit: effect.visit, status, decidedById: effect.decidedBy, decision: effect.reason, principals: effect.principals ?? null, completedAt: at });
          break;
        }
        case "schedule_timer":
          plan.timers.push({ kind: effect.kind, levelId: effect.levelId, visit: effect.visit, at: effect.at, jobKey: timerJobKey(instanceId, effect.levelId, effect.visit, effect.kind) });
          break;
        case "emit_event": {
          const n = counts.get(effect.event) ?? 0;
          counts.set(effect.event, n + 1);
          const taskVersionId = typeof effect.payload.taskVersionId === "string" ? effect.payload.taskVersionId : null;
          const taskId = taskVersionId ? (step.submissions?.find((s) => s.taskVersionId === taskVersionId)?.taskId ?? null) : null;
          plan.outbox.push({
            type: effect.event,
            payload: { ...effect.payload, ...(taskId ? { taskId } : {}), instanceId, flowId: input.flowId, flowVersionId: input.flowVersionId, seq },
            dedupeKey: n === 0 ? `${instanceId}:${seq}:${effect.event}` : `${instanceId}:${seq}:${effect.event}:${n}`,
            at,
            ...(input.causation ? { causationId: input.causation.eventId, depth: input.causation.depth + 1 } : {}),
          });
          break;
        }
        case "notify": {
          const text = notificationText({
            template: effect.template,
            flowName: input.flowName,
            levelName: levelName(effect.levelId),
            actorName: effect.actorId ? (input.actorNames[effect.actorId] ?? "Someone") : null,
            action,
            comment: effect.comment,
            reason: effect.reason ?? null,
          });
          plan.notifications.push({
            idx: plan.notifications.length,
            type: effect.template,
            title: text.title,
            body: text.body,
            link: `/instances/${instanceId}`,
            data: { instanceId, levelId: effect.levelId, actorId: effect.actorId, seq },
            actorId: actingUserId,
            userIds: [...new Set([...effect.userIds, ...keysWith(effect.principals, "u:")])],
            roleIds: keysWith(effect.principals, "r:"),
            departmentIds: keysWith(effect.principals, "d:"),
          });
          break;
        }
      }
    }
    for (const submission of step.submissions ?? []) {
      const executorId = "actor" in step.event ? step.event.actor.userId : null;
      if (!executorId) continue;
      plan.executions.push({ ...submission, executorId, at });
    }
  }
  if (input.audit) {
    const { action, actorId, actorType, metadata, ipAddress, userAgent } = input.audit;
    plan.audit.push({ action, actorId, actorType, metadata, ipAddress, userAgent });
  }
  const last = input.steps.at(-1);
  if (!last) throw new Error("Nothing to write: no accepted step");
  const state = last.state;
  if (state.status === "NOT_STARTED") throw new Error("An instance is never stored before its start event");
  return {
    instance: { version: state.version, status: state.status, currentLevelId: state.currentLevelId, data: state.data, state, completedAt: state.status === "IN_PROGRESS" ? null : state.endedAt },
    ...plan,
  };
}
