// Property tests: random valid flows driven by random event scripts keep the engine's invariants.
// Each step is checked against a small model kept from the effects alone (the open assignments a
// runner would have stored), so "who may act" is not judged by the engine's own bookkeeping only.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TFlowDefinition, TFlowLevel } from "../definition";
import { advance, initialState } from "./advance";
import { actorOf, command, FIELD_TYPES, flowDefinition, people, type Command, type Person } from "./test-arbitraries";
import { isTerminal, MANAGER_SLOT, type Actor, type AdvanceContext, type AdvanceResult, type Effect, type FlowEvent, type FlowState } from "./types";

const SLOW_MACHINE_TIMEOUT_MS = 120_000;
const at = (step: number) => new Date(Date.UTC(2026, 2, 1) + step * 60_000).toISOString();
const DECISIONS = new Set(["approve", "reject", "send_back", "request_changes"]);
const LEVEL_ACTIONS = new Set(["submit", ...DECISIONS]);

/** The open assignments of the current visit, rebuilt from effects as the runner would store them. */
type AssignmentModel = { visit: number; principals: Set<string>; managerOpen: boolean; changedInVisit: boolean };

function applyToModel(model: AssignmentModel, effects: readonly Effect[], definition: TFlowDefinition, state: FlowState, managerId: string | null): AssignmentModel {
  let next = { ...model, principals: new Set(model.principals) };
  for (const effect of effects) {
    if (effect.type === "close_assignments") {
      if (effect.principals) {
        for (const principal of effect.principals) next.principals.delete(principal);
        if (effect.principals.includes(`u:${managerId}`)) next.managerOpen = false;
      } else next.principals.clear();
      next.changedInVisit = true;
    }
    if (effect.type === "open_assignments") {
      if (effect.visit !== next.visit) {
        const level = definition.levels.find((candidate) => candidate.id === effect.levelId)!;
        next = { visit: effect.visit, principals: new Set(), managerOpen: level.assignees.some((a) => a.kind === "INITIATOR_MANAGER"), changedInVisit: false };
      } else next.changedInVisit = true;
      for (const principal of effect.principals) next.principals.add(principal);
    }
    if (effect.type === "record_history" && effect.action === "REASSIGNED" && effect.data.fromPrincipal === MANAGER_SLOT) next.managerOpen = false;
    if (effect.type === "record_history" && effect.action === "ESCALATED") {
      next.changedInVisit = true;
      const level = definition.levels.find((candidate) => candidate.id === state.currentLevelId);
      if (level?.escalation?.to === "initiator_manager") next.managerOpen = true;
    }
  }
  return next;
}

const modelHolds = (model: AssignmentModel, actor: Actor) => actor.principals.some((principal) => model.principals.has(principal)) || (actor.isInitiatorManager && model.managerOpen);

// Static eligibility straight from the level's definition (valid while nobody reassigned or escalated).
function staticallyHolds(level: TFlowLevel, actor: Actor, initiatorId: string): boolean {
  return level.assignees.some((assignee) => {
    switch (assignee.kind) {
      case "INITIATOR":
        return actor.userId === initiatorId;
      case "INITIATOR_MANAGER":
        return actor.isInitiatorManager;
      case "ROLE":
        return actor.principals.includes(`r:${assignee.roleId}`);
      case "DEPARTMENT":
        return actor.principals.includes(`d:${assignee.departmentId}`);
      case "USER":
        return actor.userId === assignee.userId;
    }
  });
}

function eventFor(cmd: Command, step: number, state: FlowState, definition: TFlowDefinition, actors: Actor[], initiator: Actor, model: AssignmentModel): FlowEvent {
  const holders = actors.filter((actor) => modelHolds(model, actor));
  const actor = cmd.eligible && holders.length > 0 ? holders[cmd.pick % holders.length] : actors[cmd.pick % actors.length];
  const levelIds = definition.levels.map((level) => level.id);
  const when = at(step);
  const level = definition.levels.find((candidate) => candidate.id === state.currentLevelId);
  let kind = cmd.kind;
  let data = cmd.data;
  // An "eligible" command also plays by the level's rules for a forward move, so journeys get far.
  if (cmd.eligible && level && (kind === "submit" || kind === "approve")) {
    kind = level.allowedActions.includes(kind) ? kind : level.allowedActions.includes("submit") ? "submit" : "approve";
    if (level.taskVersionIds.length === 0) data = null;
  }
  switch (kind) {
    case "start":
      return { type: "start", initiator, data: cmd.data ?? undefined, at: when };
    case "submit":
      return { type: "submit", actor, data: data ?? {}, at: when };
    case "approve":
      return { type: "approve", actor, ...(data ? { data } : {}), at: when };
    case "reject":
    case "request_changes":
      return { type: kind, actor, reason: cmd.reason, at: when };
    case "send_back": {
      const earlier = state.path.slice(0, -1);
      const targets = cmd.eligible && earlier.length > 0 ? earlier : [...state.path, ...levelIds, "missing"];
      return { type: "send_back", actor, reason: cmd.eligible ? "because" : cmd.reason, toLevelId: targets[cmd.levelPick % targets.length], at: when };
    }
    case "cancel":
      return { type: "cancel", actor, at: when };
    case "timer_fired": {
      const levelId = cmd.levelPick % 2 === 0 && state.currentLevelId ? state.currentLevelId : levelIds[cmd.levelPick % levelIds.length];
      const visit = cmd.visitDelta === null ? undefined : state.visits + cmd.visitDelta;
      return { type: "timer_fired", kind: cmd.timerKind, levelId, ...(visit === undefined ? {} : { visit }), at: when };
    }
    case "reassign": {
      const from = [...(state.current?.principals ?? []), MANAGER_SLOT, "r:none"];
      const admin = actors.find((candidate) => candidate.isAdmin) ?? actor;
      return { type: "reassign", actor: cmd.eligible ? admin : actor, fromPrincipal: from[cmd.levelPick % from.length], toUserId: actors[cmd.pick % actors.length].userId, at: when };
    }
  }
}

function runnerContext(definition: TFlowDefinition, persons: Person[], initiatorId: string, managerId: string | null, typed: boolean): AdvanceContext {
  const eligibleUserIds: Record<string, string[]> = {};
  for (const level of definition.levels) {
    eligibleUserIds[level.id] = persons.filter((person) => staticallyHolds(level, actorOf(person, managerId), initiatorId)).map((person) => person.id);
  }
  return { initiatorManagerId: managerId, eligibleUserIds, ...(typed ? { fieldTypes: FIELD_TYPES } : {}) };
}

function checkStep(definition: TFlowDefinition, prev: FlowState, event: FlowEvent, result: AdvanceResult, model: AssignmentModel, initiatorId: string) {
  // The reducer reports; it never fails internally or trips over a valid definition.
  if (!result.ok) expect(["INTERNAL", "BAD_DEFINITION", "BAD_EVENT"]).not.toContain(result.error.code);
  // Terminal states absorb: every later event is refused as TERMINAL, or is a no-op timer.
  if (isTerminal(prev.status)) {
    if (result.ok) expect({ noop: result.noop, type: event.type, same: result.state === prev }).toEqual({ noop: true, type: "timer_fired", same: true });
    else expect(result.error.code).toBe("TERMINAL");
  }
  if (!result.ok) return;
  const next = result.state;
  expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  // Version: +1 per accepted event, unchanged for a no-op.
  if (result.noop) {
    expect(next).toBe(prev);
    expect(result.effects).toEqual([]);
    return;
  }
  expect(next.version).toBe(prev.version + 1);
  expect(result.effects.filter((effect) => effect.type === "record_history").map((effect) => effect.type === "record_history" && effect.status)).toEqual([next.status]);
  // Always at an existing level of the version, or terminal.
  if (next.status === "IN_PROGRESS") {
    expect(definition.levels.map((level) => level.id)).toContain(next.currentLevelId);
    expect(next.current?.levelId).toBe(next.currentLevelId);
    expect(next.path.at(-1)).toBe(next.currentLevelId);
    expect(new Set(next.path).size).toBe(next.path.length);
  } else {
    expect(isTerminal(next.status)).toBe(true);
    expect([next.currentLevelId, next.current]).toEqual([null, null]);
  }

  const level = definition.levels.find((candidate) => candidate.id === prev.currentLevelId);
  if (LEVEL_ACTIONS.has(event.type) && "actor" in event) {
    // Only an eligible assignee moves an instance, with an allowed action, a reason where needed,
    // and never on their own request unless the level allows it.
    expect(level).toBeDefined();
    expect(modelHolds(model, event.actor)).toBe(true);
    if (!model.changedInVisit) expect(staticallyHolds(level!, event.actor, initiatorId)).toBe(true);
    expect(level!.allowedActions).toContain(event.type);
    const isOwn = event.actor.userId === initiatorId && !level!.assignees.some((assignee) => assignee.kind === "INITIATOR");
    if (DECISIONS.has(event.type) && isOwn) expect(level!.allowSelfApproval).toBe(true);
    if ("reason" in event) expect((event.reason ?? "").trim()).not.toBe("");
  }
  if (event.type === "cancel") expect(event.actor.userId === initiatorId || event.actor.isAdmin).toBe(true);
  if (event.type === "reassign") expect(event.actor.isAdmin).toBe(true);
  if (event.type === "submit" || event.type === "approve") {
    expect(next.data).toEqual({ ...prev.data, ...(event.data ?? {}) });
    const left = next.status !== "IN_PROGRESS" || next.visits !== prev.visits;
    const decided = [...Object.keys(prev.levelDecisions), event.actor.userId];
    const required = prev.current?.eligibleUserIds ?? [];
    if (left && level!.approvalMode === "ALL") for (const userId of required) expect(decided).toContain(userId);
    if (left && level!.approvalMode === "AT_LEAST") expect(decided.length).toBeGreaterThanOrEqual(level!.requiredApprovals);
    if (!left) expect(level!.approvalMode).not.toBe("ANY");
    if (left) {
      // Routing: branches in priority order, every one before the winner false, the target followed.
      const routing = next.routing!;
      const conditional = definition.branches.filter((branch) => branch.fromLevelId === level!.id && !branch.isDefault).sort((a, b) => a.priority - b.priority);
      expect(routing.evaluated.map((evaluation) => evaluation.branchId)).toEqual(conditional.slice(0, routing.evaluated.length).map((branch) => branch.id));
      expect(routing.evaluated.map((evaluation) => evaluation.result)).toEqual(routing.evaluated.map((_, i) => routing.chosenBy === "condition" && i === routing.evaluated.length - 1));
      if (routing.chosenBy !== "condition") expect(routing.evaluated.length).toBe(conditional.length);
      expect(routing.target).toEqual(
        next.status === "IN_PROGRESS" ? { kind: "LEVEL", levelId: next.currentLevelId } : { kind: next.status === "COMPLETED" ? "COMPLETE" : "REJECT" },
      );
    }
  } else if (event.type !== "start") {
    expect(next.data).toBe(prev.data);
  }
  if (event.type === "send_back") {
    // Back to the chosen earlier level, data kept, the path cut back to it.
    expect(prev.path).toContain(event.toLevelId);
    expect(next.currentLevelId).toBe(event.toLevelId);
    expect(next.path).toEqual(prev.path.slice(0, prev.path.indexOf(event.toLevelId) + 1));
  }
  if (next.status === "CANCELLED") expect(event.type).toBe("cancel");
  if (next.status === "COMPLETED") expect(["submit", "approve"]).toContain(event.type);
  if (next.status === "REJECTED") expect(["submit", "approve", "reject"]).toContain(event.type);
}

describe("property: random flows under random events", { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => vi.useRealTimers());

  it("keep every invariant, deterministically and without reading the clock", () => {
    const stats = { accepted: 0, refused: 0, noop: 0, terminal: 0, runs: 0, leftAll: 0, leftAtLeast: 0, sentBack: 0, reassigned: 0, escalated: 0, selfApproved: 0, looped: 0 };
    fc.assert(
      fc.property(
        flowDefinition,
        people,
        fc.nat({ max: 5 }),
        fc.option(fc.nat({ max: 5 }), { nil: null }),
        fc.boolean(),
        fc.array(command, { minLength: 5, maxLength: 40, size: "max" }),
        (definition, persons, initiatorIndex, managerIndex, typed, commands) => {
          const initiatorId = persons[initiatorIndex].id;
          const managerId = managerIndex === null || managerIndex === initiatorIndex ? null : persons[managerIndex].id;
          const actors = persons.map((person) => actorOf(person, managerId));
          const context = runnerContext(definition, persons, initiatorId, managerId, typed);
          let state = initialState();
          let model: AssignmentModel = { visit: 0, principals: new Set(), managerOpen: false, changedInVisit: false };
          const script: Command[] = [{ ...commands[0], kind: "start" }, ...commands];
          let afterEnd = 0;
          script.forEach((cmd, step) => {
            // A few events after the end show that it absorbs them; more would only repeat that.
            if (isTerminal(state.status) && (afterEnd += 1) > 3) return;
            const event = eventFor(cmd, step, state, definition, actors, actors[initiatorIndex], model);
            vi.setSystemTime(new Date("2001-01-01T00:00:00Z"));
            const result = advance(definition, state, event, context);
            vi.setSystemTime(new Date("2044-06-15T12:00:00Z"));
            expect(advance(definition, state, event, context)).toEqual(result);
            checkStep(definition, state, event, result, model, initiatorId);
            if (result.ok && !result.noop) {
              model = applyToModel(model, result.effects, definition, result.state, managerId);
              const left = definition.levels.find((level) => level.id === state.currentLevelId);
              if ((event.type === "approve" || event.type === "submit") && result.state.visits !== state.visits) {
                if (left?.approvalMode === "ALL" && (state.current?.eligibleUserIds?.length ?? 0) > 1) stats.leftAll += 1;
                if (left?.approvalMode === "AT_LEAST" && left.requiredApprovals > 1) stats.leftAtLeast += 1;
                if (result.state.currentLevelId && state.path.includes(result.state.currentLevelId)) stats.looped += 1;
              }
              for (const effect of result.effects) {
                if (effect.type !== "record_history") continue;
                if (effect.action === "SENT_BACK") stats.sentBack += 1;
                if (effect.action === "REASSIGNED") stats.reassigned += 1;
                if (effect.action === "ESCALATED") stats.escalated += 1;
                if (effect.selfApproved) stats.selfApproved += 1;
              }
              state = result.state;
              stats.accepted += 1;
            } else if (result.ok) stats.noop += 1;
            else stats.refused += 1;
          });
          stats.runs += 1;
          if (isTerminal(state.status)) stats.terminal += 1;
        },
      ),
      { numRuns: 300 },
    );
    // The generators must actually drive instances through levels to their ends, not only be refused.
    expect(stats.accepted).toBeGreaterThan(stats.runs * 3);
    expect(stats.terminal).toBeGreaterThan(stats.runs / 4);
    for (const path of ["leftAll", "leftAtLeast", "sentBack", "reassigned", "escalated", "selfApproved", "looped"] as const) expect(stats[path], path).toBeGreaterThan(0);
  });

  it("starts every valid flow at its lowest-order level", () => {
    fc.assert(
      fc.property(flowDefinition, (definition) => {
        const initiator: Actor = { userId: "init", principals: ["u:init"], isInitiatorManager: false, isAdmin: false };
        const started = advance(definition, initialState(), { type: "start", initiator, at: at(0) });
        if (!started.ok) throw new Error(started.error.message);
        const first = [...definition.levels].sort((a, b) => a.order - b.order)[0];
        expect(started.state).toMatchObject({ status: "IN_PROGRESS", currentLevelId: first.id, version: 1, path: [first.id] });
      }),
      { numRuns: 200 },
    );
  });

  it("completes an ALL level exactly once, on the approval that completes the set, in any order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (count, picks) => {
        const userIds = Array.from({ length: count }, (_, i) => `a${i}`);
        const definition: TFlowDefinition = {
          schemaVersion: 1,
          levels: [
            { id: "all", name: "All", order: 1, approvalMode: "ALL", requiredApprovals: 1, allowedActions: ["approve"], allowSelfApproval: false, assignees: [{ kind: "ROLE", roleId: "board" }], taskVersionIds: [] },
          ],
          branches: [],
        };
        const context = { eligibleUserIds: { all: userIds } };
        const initiator: Actor = { userId: "init", principals: ["u:init"], isInitiatorManager: false, isAdmin: false };
        const started = advance(definition, initialState(), { type: "start", initiator, at: at(0) }, context);
        if (!started.ok) throw new Error(started.error.message);
        let state = started.state;
        const approved = new Set<string>();
        // Every user in a random order, with random repeats in between.
        const order = [...picks.map((pick) => userIds[pick % count]), ...userIds];
        let completions = 0;
        order.forEach((userId, i) => {
          const actor: Actor = { userId, principals: [`u:${userId}`, "r:board"], isInitiatorManager: false, isAdmin: false };
          const result = advance(definition, state, { type: "approve", actor, at: at(i + 1) }, context);
          if (state.status === "COMPLETED") return expect(!result.ok && result.error.code).toBe("TERMINAL");
          if (approved.has(userId)) return expect(!result.ok && result.error.code).toBe("ALREADY_DECIDED");
          if (!result.ok) throw new Error(result.error.message);
          approved.add(userId);
          const closes = result.effects.filter((effect) => effect.type === "close_assignments").length;
          completions += closes;
          expect(closes === 1).toBe(approved.size === count);
          expect(result.state.status).toBe(approved.size === count ? "COMPLETED" : "IN_PROGRESS");
          state = result.state;
        });
        expect(completions).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
