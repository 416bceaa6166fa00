// Building blocks the event handlers share: who holds a level, entering and leaving levels, ending
// the instance. Each returns the next state and the effects, never performs them.
import { departmentPrincipal, rolePrincipal, userPrincipal } from "../principals";
import type { TFlowDefinition, TFlowLevel } from "../definition";
import type { Actor, AdvanceContext, Effect, EngineError, FlowState, InstanceStatus, RoutingDecision } from "./types";

export type Step = { ok: true; state: FlowState; effects: Effect[]; noop?: boolean } | { ok: false; error: EngineError };

export const fail = (code: EngineError["code"], message: string): { ok: false; error: EngineError } => ({ ok: false, error: { code, message } });

export const findLevel = (definition: TFlowDefinition, levelId: string | null): TFlowLevel | undefined =>
  levelId === null ? undefined : definition.levels.find((level) => level.id === levelId);

const HOUR_MS = 3_600_000;
const plusHours = (at: string, hours: number) => new Date(Date.parse(at) + hours * HOUR_MS).toISOString();
const unique = (items: readonly string[]) => [...new Set(items)];

const hasInitiatorAssignee = (level: TFlowLevel) => level.assignees.some((assignee) => assignee.kind === "INITIATOR");

/** The initiator deciding their own request at a level that is not theirs to fill. */
export const isSelfDecision = (level: TFlowLevel, state: FlowState, actor: Actor) => actor.userId === state.startedBy && !hasInitiatorAssignee(level);

/** Whether the actor holds the current level: one of their principals is open there, or the manager slot. */
export function isAssignee(state: FlowState, actor: Actor): boolean {
  const current = state.current;
  if (!current) return false;
  return actor.principals.some((principal) => current.principals.includes(principal)) || (actor.isInitiatorManager && current.managerOpen);
}

/** The inbox keys a level's assignees resolve to for this instance. */
export function principalsFor(level: TFlowLevel, state: FlowState, context: AdvanceContext): { principals: string[]; managerOpen: boolean } {
  const principals: string[] = [];
  let managerOpen = false;
  for (const assignee of level.assignees) {
    switch (assignee.kind) {
      case "INITIATOR":
        if (state.startedBy) principals.push(userPrincipal(state.startedBy));
        break;
      case "INITIATOR_MANAGER":
        managerOpen = true;
        if (context.initiatorManagerId) principals.push(userPrincipal(context.initiatorManagerId));
        break;
      case "ROLE":
        principals.push(rolePrincipal(assignee.roleId));
        break;
      case "DEPARTMENT":
        principals.push(departmentPrincipal(assignee.departmentId));
        break;
      case "USER":
        principals.push(userPrincipal(assignee.userId));
        break;
    }
  }
  return { principals: unique(principals), managerOpen };
}

/**
 * The users an ALL level waits for. The initiator is left out where self-approval is refused: they
 * could never approve, and the level would never complete.
 */
export function requiredApprovers(level: TFlowLevel, state: FlowState, userIds: readonly string[]): string[] {
  const refusesInitiator = !level.allowSelfApproval && !hasInitiatorAssignee(level);
  return unique(userIds).filter((userId) => !(refusesInitiator && userId === state.startedBy));
}

/** Whether the approvals so far complete the level under its approval mode. */
export function isLevelComplete(level: TFlowLevel, state: FlowState, decisions: Record<string, "approved">): boolean {
  const approvals = Object.keys(decisions).length;
  switch (level.approvalMode) {
    case "ANY":
      return approvals >= 1;
    case "AT_LEAST":
      return approvals >= level.requiredApprovals;
    case "ALL": {
      const required = state.current?.eligibleUserIds ?? [];
      // Nobody resolvable when the level was entered: one eligible approval is all that can happen.
      return required.length === 0 ? approvals >= 1 : required.every((userId) => Object.hasOwn(decisions, userId));
    }
  }
}

type EnterOptions = { at: string; context: AdvanceContext; routing: RoutingDecision | null };

/** Enters a level: opens its assignments, schedules its timers, announces it. */
export function enterLevel(definition: TFlowDefinition, state: FlowState, level: TFlowLevel, options: EnterOptions): { state: FlowState; effects: Effect[] } {
  const { at, context } = options;
  const visit = state.visits + 1;
  const index = state.path.indexOf(level.id);
  // The path stays a simple route: a send-back or a loop to a level on it cuts it back to that level.
  const path = index >= 0 ? state.path.slice(0, index + 1) : [...state.path, level.id];
  const { principals, managerOpen } = principalsFor(level, state, context);
  const eligibleUserIds = level.approvalMode === "ALL" ? requiredApprovers(level, state, context.eligibleUserIds?.[level.id] ?? []) : null;
  const dueAt = level.dueInHours !== undefined ? plusHours(at, level.dueInHours) : null;
  const effects: Effect[] = [{ type: "open_assignments", levelId: level.id, visit, principals, dueAt }];
  if (dueAt !== null) {
    if (level.reminderBeforeHours !== undefined) {
      const remindAt = plusHours(dueAt, -level.reminderBeforeHours);
      effects.push({ type: "schedule_timer", kind: "reminder", levelId: level.id, visit, at: remindAt < at ? at : remindAt });
    }
    if (level.escalation) effects.push({ type: "schedule_timer", kind: "escalation", levelId: level.id, visit, at: dueAt });
    else if (level.reminderBeforeHours === undefined) effects.push({ type: "schedule_timer", kind: "reminder", levelId: level.id, visit, at: dueAt });
  }
  effects.push({ type: "notify", template: "assigned", userIds: [], principals, levelId: level.id, actorId: null, comment: null });
  for (const taskVersionId of level.taskVersionIds) {
    effects.push({ type: "emit_event", event: "TASK_STARTED", payload: { levelId: level.id, taskVersionId, data: state.data } });
  }
  return {
    state: {
      ...state,
      status: "IN_PROGRESS",
      currentLevelId: level.id,
      levelDecisions: {},
      path,
      visits: visit,
      current: { levelId: level.id, visit, enteredAt: at, dueAt, principals, managerOpen, eligibleUserIds, reminded: false, escalated: false },
      routing: options.routing,
    },
    effects,
  };
}

/** Ends the instance: no current level, the initiator told (and triggers on completion). */
/**
 * Ends the instance. `comment` is what a person wrote (quoted to the initiator); `reason` is the
 * routing rule that ended it, which is not anybody's words and is shown as such.
 */
export function finish(state: FlowState, status: Exclude<InstanceStatus, "NOT_STARTED" | "IN_PROGRESS">, at: string, options: { actorId: string | null; comment: string | null; reason?: string | null; notify: string[] }): { state: FlowState; effects: Effect[] } {
  const template = status === "COMPLETED" ? "completed" : status === "REJECTED" ? "rejected" : "cancelled";
  const effects: Effect[] = [];
  const userIds = unique(options.notify);
  if (userIds.length > 0) effects.push({ type: "notify", template, userIds, principals: [], levelId: state.currentLevelId, actorId: options.actorId, comment: options.comment, ...(options.reason ? { reason: options.reason } : {}) });
  // Every ending is a FLOW_COMPLETED event with its status; triggers choose the endings they react to
  // (COMPLETED only unless told otherwise: lib/triggers/dispatch.ts).
  effects.push({ type: "emit_event", event: "FLOW_COMPLETED", payload: { status, initiatorId: state.startedBy, data: state.data } });
  return { state: { ...state, status, currentLevelId: null, current: null, levelDecisions: {}, endedAt: at }, effects };
}

/** Follows a routing decision out of the current level. */
export function followRoute(definition: TFlowDefinition, state: FlowState, decision: RoutingDecision, options: { at: string; context: AdvanceContext; actorId: string | null }): { state: FlowState; effects: Effect[] } | { error: EngineError } {
  const { target } = decision;
  if (target.kind === "LEVEL") {
    const level = findLevel(definition, target.levelId);
    if (!level) return { error: { code: "BAD_DEFINITION", message: `A branch leads to level "${target.levelId}", which this version does not have` } };
    return enterLevel(definition, state, level, { at: options.at, context: options.context, routing: decision });
  }
  const notify = state.startedBy ? [state.startedBy] : [];
  return finish({ ...state, routing: decision }, target.kind === "COMPLETE" ? "COMPLETED" : "REJECTED", options.at, { actorId: options.actorId, comment: null, reason: decision.summary, notify });
}
