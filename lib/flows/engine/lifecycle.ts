// Events around the assignees' decisions: start, cancel, an admin's reassignment, and the due-time
// timers (reminder, escalation). Timers are at-least-once: a stale or repeated one is a no-op.
import { rolePrincipal, userPrincipal } from "../principals";
import type { TFlowDefinition } from "../definition";
import { startLevel } from "./graph";
import { enterLevel, fail, findLevel, finish, requiredApprovers, type Step } from "./transitions";
import { MANAGER_SLOT, type AdvanceContext, type Effect, type EventOf, type FlowState, type InitiatorSnapshot } from "./types";

type Input<K extends "start" | "cancel" | "reassign" | "timer_fired"> = { definition: TFlowDefinition; state: FlowState; event: EventOf<K>; context: AdvanceContext };

const unique = (items: readonly string[]) => [...new Set(items)];
const keysWith = (principals: readonly string[], prefix: string) => principals.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));

function start({ definition, state, event, context }: Input<"start">): Step {
  const first = startLevel(definition);
  if (!first) return fail("BAD_DEFINITION", "The flow has no levels");
  const { initiator } = event;
  // Derived attributes come last so a caller-supplied attribute cannot impersonate them.
  const snapshot: InitiatorSnapshot = {
    ...event.attributes,
    id: initiator.userId,
    departmentId: keysWith(initiator.principals, "d:")[0] ?? null,
    roleIds: keysWith(initiator.principals, "r:"),
  };
  const data = event.data ?? {};
  const started: FlowState = { ...state, status: "IN_PROGRESS", startedBy: initiator.userId, initiator: snapshot, data, startedAt: event.at, endedAt: null };
  const entered = enterLevel(definition, started, first, { at: event.at, context, routing: null });
  const effects: Effect[] = [
    { type: "record_history", action: "STARTED", fromLevelId: null, toLevelId: first.id, actorId: initiator.userId, comment: null, data, status: "IN_PROGRESS", at: event.at },
    { type: "emit_event", event: "FLOW_STARTED", payload: { initiatorId: initiator.userId, levelId: first.id, data } },
    ...entered.effects,
  ];
  return { ok: true, state: entered.state, effects };
}

/** The initiator withdraws, or an admin cancels. */
function cancel({ state, event }: Input<"cancel">): Step {
  const { actor } = event;
  if (actor.userId !== state.startedBy && !actor.isAdmin) return fail("FORBIDDEN", "Only the initiator or an admin can cancel this request");
  const current = state.current;
  const comment = event.reason?.trim() ? event.reason : null;
  const notify = state.startedBy && state.startedBy !== actor.userId ? [state.startedBy] : [];
  const ended = finish(state, "CANCELLED", event.at, { actorId: actor.userId, comment, notify });
  const effects: Effect[] = [];
  if (current) {
    effects.push({ type: "close_assignments", levelId: current.levelId, visit: current.visit, reason: "cancelled", decidedBy: actor.userId });
  }
  effects.push({ type: "record_history", action: "CANCELLED", fromLevelId: state.currentLevelId, toLevelId: null, actorId: actor.userId, comment, data: {}, status: "CANCELLED", at: event.at });
  if (current && current.principals.length > 0) {
    effects.push({ type: "notify", template: "cancelled", userIds: [], principals: current.principals, levelId: current.levelId, actorId: actor.userId, comment });
  }
  return { ok: true, state: ended.state, effects: [...effects, ...ended.effects] };
}

/**
 * An admin hands a pending level from one principal (or the manager slot, "initiator_manager") to a
 * user. Approvals already given at the level stay.
 */
function reassign({ definition, state, event, context }: Input<"reassign">): Step {
  const { actor, fromPrincipal, toUserId } = event;
  if (!actor.isAdmin) return fail("FORBIDDEN", "Only an admin can reassign a task");
  const current = state.current;
  const level = findLevel(definition, state.currentLevelId);
  if (!current || !level) return fail("BAD_DEFINITION", "The instance is not at a level of this version");
  const managerPrincipal = context.initiatorManagerId ? userPrincipal(context.initiatorManagerId) : null;
  const isManagerSlot = fromPrincipal === MANAGER_SLOT;
  if (isManagerSlot ? !current.managerOpen : !current.principals.includes(fromPrincipal)) {
    return fail("BAD_TARGET", `"${fromPrincipal}" does not hold "${level.name}"`);
  }
  const closesManager = isManagerSlot || (current.managerOpen && fromPrincipal === managerPrincipal);
  const removed = isManagerSlot ? (managerPrincipal && current.principals.includes(managerPrincipal) ? [managerPrincipal] : []) : [fromPrincipal];
  const added = userPrincipal(toUserId);
  const principals = unique([...current.principals.filter((key) => !removed.includes(key)), added]);
  let eligibleUserIds = current.eligibleUserIds;
  if (eligibleUserIds !== null) {
    const removedUsers = keysWith(removed, "u:");
    const base = event.eligibleUserIds ?? eligibleUserIds.filter((userId) => !removedUsers.includes(userId));
    eligibleUserIds = requiredApprovers(level, state, [...base, toUserId]);
  }
  const effects: Effect[] = [];
  if (removed.length > 0) effects.push({ type: "close_assignments", levelId: level.id, visit: current.visit, reason: "reassigned", decidedBy: null, principals: removed });
  effects.push(
    { type: "open_assignments", levelId: level.id, visit: current.visit, principals: [added], dueAt: current.dueAt },
    { type: "record_history", action: "REASSIGNED", fromLevelId: level.id, toLevelId: level.id, actorId: actor.userId, comment: event.reason ?? null, data: { fromPrincipal, toUserId }, status: state.status, at: event.at },
    { type: "notify", template: "assigned", userIds: [toUserId], principals: [], levelId: level.id, actorId: actor.userId, comment: event.reason ?? null },
  );
  return { ok: true, state: { ...state, current: { ...current, principals, managerOpen: current.managerOpen && !closesManager, eligibleUserIds } }, effects };
}

const NOOP = (state: FlowState): Step => ({ ok: true, state, effects: [], noop: true });

function timerFired({ definition, state, event, context }: Input<"timer_fired">): Step {
  const current = state.current;
  const level = findLevel(definition, state.currentLevelId);
  // The instance moved on (or came back later): the timer belongs to a visit that is over.
  if (!current || !level || current.levelId !== event.levelId || (event.visit !== undefined && event.visit !== current.visit)) return NOOP(state);
  const history = (action: "REMINDED" | "ESCALATED", data: Record<string, string>): Effect => ({
    type: "record_history", action, fromLevelId: level.id, toLevelId: level.id, actorId: null, comment: null, data, status: state.status, at: event.at,
  });
  if (event.kind === "reminder") {
    if (current.reminded) return NOOP(state);
    const effects: Effect[] = [
      history("REMINDED", {}),
      { type: "notify", template: "reminder", userIds: [], principals: current.principals, levelId: level.id, actorId: null, comment: null },
    ];
    return { ok: true, state: { ...state, current: { ...current, reminded: true } }, effects };
  }
  const escalation = level.escalation;
  if (!escalation || current.escalated) return NOOP(state);
  const target =
    escalation.to === "role" ? rolePrincipal(escalation.roleId) : context.initiatorManagerId ? userPrincipal(context.initiatorManagerId) : null;
  const added = target && !current.principals.includes(target) ? [target] : [];
  const effects: Effect[] = [history("ESCALATED", { to: target ?? MANAGER_SLOT })];
  if (added.length > 0) {
    effects.push(
      { type: "open_assignments", levelId: level.id, visit: current.visit, principals: added, dueAt: current.dueAt },
      { type: "notify", template: "escalated", userIds: [], principals: added, levelId: level.id, actorId: null, comment: null },
    );
  }
  const managerOpen = current.managerOpen || escalation.to === "initiator_manager";
  return { ok: true, state: { ...state, current: { ...current, principals: [...current.principals, ...added], managerOpen, escalated: true } }, effects };
}

export const lifecycleHandlers = { start, cancel, reassign, timer_fired: timerFired };
