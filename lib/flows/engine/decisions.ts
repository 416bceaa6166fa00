// The assignees' actions at the current level: submit, approve, reject, send back, request changes.
// One guard decides eligibility for all of them, in a fixed order so the same attempt always gets the
// same answer: not an assignee → action not allowed → self-approval → reason → data.
import type { TFlowDefinition, TFlowLevel, TLevelAction } from "../definition";
import { routeFrom } from "./routing";
import { enterLevel, fail, findLevel, finish, followRoute, isAssignee, isLevelComplete, isSelfDecision, type Step } from "./transitions";
import type { Actor, AdvanceContext, Effect, EventOf, FlowState, HistoryAction, Json, JsonObject, RoutingDecision } from "./types";

export type HandlerInput<K extends keyof EventMap> = { definition: TFlowDefinition; state: FlowState; event: EventMap[K]; context: AdvanceContext };
type EventMap = {
  submit: EventOf<"submit">;
  approve: EventOf<"approve">;
  reject: EventOf<"reject">;
  send_back: EventOf<"send_back">;
  request_changes: EventOf<"request_changes">;
};

const DECISIONS: readonly TLevelAction[] = ["approve", "reject", "send_back", "request_changes"];
const NEEDS_REASON: readonly TLevelAction[] = ["reject", "send_back", "request_changes"];

type Guarded = { ok: true; level: TFlowLevel; selfApproved: boolean } | { ok: false; error: { code: Parameters<typeof fail>[0]; message: string } };

/** Whether `actor` may take `action` at the current level (with `reason` / `data` as given). */
export function guardAction(definition: TFlowDefinition, state: FlowState, action: TLevelAction, input: { actor: Actor; reason?: string; data?: JsonObject }): Guarded {
  const level = findLevel(definition, state.currentLevelId);
  if (!level || !state.current) return fail("BAD_DEFINITION", `The instance is at level "${state.currentLevelId}", which this version does not have`);
  const { actor } = input;
  if (!isAssignee(state, actor)) return fail("NOT_ASSIGNEE", `You are not an assignee of "${level.name}"`);
  if (!level.allowedActions.includes(action)) return fail("ACTION_NOT_ALLOWED", `"${action}" is not allowed at "${level.name}"`);
  const selfDecision = DECISIONS.includes(action) && isSelfDecision(level, state, actor);
  if (selfDecision && !level.allowSelfApproval) return fail("SELF_APPROVAL", "You cannot decide on your own request");
  if (NEEDS_REASON.includes(action) && (input.reason ?? "").trim() === "") return fail("REASON_REQUIRED", `A reason is required to ${action.replace("_", " ")}`);
  if (input.data && Object.keys(input.data).length > 0 && level.taskVersionIds.length === 0) {
    return fail("ACTION_NOT_ALLOWED", `"${level.name}" has no form, so no data can be submitted there`);
  }
  return { ok: true, level, selfApproved: selfDecision };
}

const isEqualJson = (a: Json | undefined, b: Json | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

// Merges submitted values. A value that replaces a different existing one is a FIELD_CHANGED event
// (tagged with the level's form, so triggers scoped to that form see it), and a submission that
// changed any existing value — a resubmission after "send back" or "request changes", or data edited
// while approving — is one TASK_UPDATED per form with the previous values and the changed fields.
function mergeData(state: FlowState, submitted: JsonObject, level: TFlowLevel, actorId: string): { data: JsonObject; effects: Effect[] } {
  const effects: Effect[] = [];
  const changed: string[] = [];
  const taskVersionId = level.taskVersionIds[0];
  for (const [field, to] of Object.entries(submitted)) {
    if (Object.hasOwn(state.data, field) && !isEqualJson(state.data[field], to)) {
      changed.push(field);
      effects.push({ type: "emit_event", event: "FIELD_CHANGED", payload: { field, from: state.data[field], to, levelId: level.id, actorId, ...(taskVersionId ? { taskVersionId } : {}) } });
    }
  }
  const data = { ...state.data, ...submitted };
  if (changed.length) {
    const previous = Object.fromEntries(changed.map((field) => [field, state.data[field]!]));
    for (const id of level.taskVersionIds) effects.push({ type: "emit_event", event: "TASK_UPDATED", payload: { levelId: level.id, taskVersionId: id, actorId, data, previous, changed } });
  }
  return { data, effects };
}

// Submit and approve both count toward the level's approval mode; the level is left when it is met.
function positive(action: "submit" | "approve", input: HandlerInput<"submit"> | HandlerInput<"approve">): Step {
  const { definition, state, event, context } = input;
  const submitted = event.data ?? {};
  const guarded = guardAction(definition, state, action, { actor: event.actor, data: submitted });
  if (!guarded.ok) return guarded;
  const { level, selfApproved } = guarded;
  const userId = event.actor.userId;
  if (Object.hasOwn(state.levelDecisions, userId)) return fail("ALREADY_DECIDED", `You already approved "${level.name}"`);
  const merged = mergeData(state, submitted, level, userId);
  const effects: Effect[] = [...merged.effects];
  if (action === "submit" || Object.keys(submitted).length > 0) {
    for (const taskVersionId of level.taskVersionIds) {
      effects.push({ type: "emit_event", event: "TASK_COMPLETED", payload: { levelId: level.id, taskVersionId, actorId: userId, data: merged.data } });
    }
  }
  const decisions = { ...state.levelDecisions, [userId]: "approved" as const };
  const historyAction: HistoryAction = action === "submit" ? "SUBMITTED" : "APPROVED";
  const history = (toLevelId: string | null, status: FlowState["status"], routing?: RoutingDecision): Effect => ({
    type: "record_history",
    action: historyAction,
    fromLevelId: level.id,
    toLevelId,
    actorId: userId,
    comment: event.comment ?? null,
    data: submitted,
    status,
    at: event.at,
    ...(selfApproved ? { selfApproved: true as const } : {}),
    ...(routing ? { routing } : {}),
  });
  const next: FlowState = { ...state, data: merged.data, levelDecisions: decisions };
  if (!isLevelComplete(level, state, decisions)) {
    return { ok: true, state: next, effects: [history(level.id, state.status), ...effects] };
  }
  const routed = routeFrom(definition, level.id, { data: merged.data, initiator: state.initiator, at: event.at, context });
  if (!routed.ok) return routed;
  const moved = followRoute(definition, next, routed.decision, { at: event.at, context, actorId: userId });
  if ("error" in moved) return { ok: false, error: moved.error };
  const close: Effect = { type: "close_assignments", levelId: level.id, visit: state.current!.visit, reason: "decided", decidedBy: userId };
  const told: Effect[] =
    action === "approve" && moved.state.status === "IN_PROGRESS" && state.startedBy
      ? [{ type: "notify", template: "decided", userIds: [state.startedBy], principals: [], levelId: level.id, actorId: userId, comment: event.comment ?? null }]
      : [];
  return { ok: true, state: moved.state, effects: [close, history(moved.state.currentLevelId, moved.state.status, routed.decision), ...effects, ...told, ...moved.effects] };
}

function reject({ definition, state, event }: HandlerInput<"reject">): Step {
  const guarded = guardAction(definition, state, "reject", { actor: event.actor, reason: event.reason });
  if (!guarded.ok) return guarded;
  const { level, selfApproved } = guarded;
  const ended = finish(state, "REJECTED", event.at, { actorId: event.actor.userId, comment: event.reason, notify: state.startedBy ? [state.startedBy] : [] });
  const effects: Effect[] = [
    { type: "close_assignments", levelId: level.id, visit: state.current!.visit, reason: "rejected", decidedBy: event.actor.userId },
    { type: "record_history", action: "REJECTED", fromLevelId: level.id, toLevelId: null, actorId: event.actor.userId, comment: event.reason, data: {}, status: "REJECTED", at: event.at, ...(selfApproved ? { selfApproved: true as const } : {}) },
    ...ended.effects,
  ];
  return { ok: true, state: ended.state, effects };
}

// Send back and request changes both return to a level already on the path, keeping the data.
function goBack(
  input: HandlerInput<"send_back"> | HandlerInput<"request_changes">,
  action: "send_back" | "request_changes",
  pickTarget: (state: FlowState) => string | null,
): Step {
  const { definition, state, event, context } = input;
  const guarded = guardAction(definition, state, action, { actor: event.actor, reason: event.reason });
  if (!guarded.ok) return guarded;
  const { level, selfApproved } = guarded;
  const targetId = pickTarget(state);
  const target = findLevel(definition, targetId);
  if (!target || targetId === level.id || !state.path.includes(target.id)) {
    return fail("BAD_TARGET", action === "send_back" ? "The instance can only be sent back to an earlier level on its path" : "No earlier level of the initiator to return to");
  }
  const entered = enterLevel(definition, state, target, { at: event.at, context, routing: null });
  const historyAction: HistoryAction = action === "send_back" ? "SENT_BACK" : "CHANGES_REQUESTED";
  const effects: Effect[] = [
    { type: "close_assignments", levelId: level.id, visit: state.current!.visit, reason: action === "send_back" ? "sent_back" : "changes_requested", decidedBy: event.actor.userId },
    { type: "record_history", action: historyAction, fromLevelId: level.id, toLevelId: target.id, actorId: event.actor.userId, comment: event.reason, data: {}, status: "IN_PROGRESS", at: event.at, ...(selfApproved ? { selfApproved: true as const } : {}) },
    ...(state.startedBy ? [{ type: "notify", template: "decided", userIds: [state.startedBy], principals: [], levelId: level.id, actorId: event.actor.userId, comment: event.reason } satisfies Effect] : []),
    ...entered.effects,
  ];
  return { ok: true, state: entered.state, effects };
}

// "Request changes" returns to the first level on the path that the initiator fills.
const initiatorLevel = (definition: TFlowDefinition) => (state: FlowState) =>
  state.path.find((levelId) => findLevel(definition, levelId)?.assignees.some((assignee) => assignee.kind === "INITIATOR")) ?? null;

export const decisionHandlers = {
  submit: (input: HandlerInput<"submit">) => positive("submit", input),
  approve: (input: HandlerInput<"approve">) => positive("approve", input),
  reject,
  send_back: (input: HandlerInput<"send_back">) => goBack(input, "send_back", () => input.event.toLevelId),
  request_changes: (input: HandlerInput<"request_changes">) => goBack(input, "request_changes", initiatorLevel(input.definition)),
};
