import { describe, expect, it } from "vitest";
import type { TFlowDefinition, TFlowLevel } from "../definition";
import { advance, initialState } from "./advance";
import { at, DEMO_CONTEXT, DEMO_FLOW, effectsOf, IDS, PEOPLE, runScript } from "./test-fixtures";
import type { AdvanceResult, FlowEvent, FlowState } from "./types";

const { employee, manager, otherManager, finance, finance2, admin, outsider, managerEmployee } = PEOPLE;
const expense = (amount: number) => ({ employee_name: "Emma", amount, category: "travel" });

const start = (initiator = employee): FlowEvent => ({ type: "start", initiator, at: at(0) });
const submit = (amount: number, actor = employee, minute = 1): FlowEvent => ({ type: "submit", actor, data: expense(amount), at: at(minute) });
const approve = (actor = manager, minute = 2, comment?: string): FlowEvent => ({ type: "approve", actor, at: at(minute), ...(comment ? { comment } : {}) });

/** The demo instance submitted with `amount`, waiting at Manager Review. */
const atManager = (amount: number, initiator = employee, definition = DEMO_FLOW) => runScript(definition, [start(initiator), submit(amount, initiator)]).state;

function refusal(result: AdvanceResult) {
  if (result.ok) throw new Error("expected a refusal");
  return result.error.code;
}
function accepted(result: AdvanceResult) {
  if (!result.ok) throw new Error(`expected acceptance, got ${result.error.code}: ${result.error.message}`);
  return result;
}

const withLevel = (definition: TFlowDefinition, levelId: string, patch: Partial<TFlowLevel>): TFlowDefinition => ({
  ...definition,
  levels: definition.levels.map((level) => (level.id === levelId ? { ...level, ...patch } : level)),
});

describe("the seed's expense flow", () => {
  it("takes 12,000 from the employee to the manager to finance and completes", () => {
    const { state, results, effects } = runScript(DEMO_FLOW, [start(), submit(12000), approve(manager, 2, "Fine by me"), approve(finance, 3)]);
    expect(state).toMatchObject({ status: "COMPLETED", currentLevelId: null, version: 4, path: [IDS.submission, IDS.manager, IDS.finance], data: expense(12000) });
    expect(results.map((result) => result.ok && result.state.currentLevelId)).toEqual([IDS.submission, IDS.manager, IDS.finance, null]);

    const history = effectsOf(effects, "record_history");
    expect(history.map((entry) => [entry.action, entry.fromLevelId, entry.toLevelId, entry.actorId, entry.status])).toEqual([
      ["STARTED", null, IDS.submission, "emma", "IN_PROGRESS"],
      ["SUBMITTED", IDS.submission, IDS.manager, "emma", "IN_PROGRESS"],
      ["APPROVED", IDS.manager, IDS.finance, "mark", "IN_PROGRESS"],
      ["APPROVED", IDS.finance, null, "fiona", "COMPLETED"],
    ]);
    expect(history[2].comment).toBe("Fine by me");
    expect(history[2].routing).toMatchObject({
      chosenBy: "condition",
      branchId: "b-finance",
      target: { kind: "LEVEL", levelId: IDS.finance },
      evaluated: [{ branchId: "b-finance", name: "Finance review (≥ 1,000)", source: "amount >= 1000", result: true, explanation: "amount (12000) >= 1000 → true" }],
    });
    expect(history[2].routing?.summary).toBe('Finance review (≥ 1,000): amount (12000) >= 1000 → true → "Finance Approval"');

    const opened = effectsOf(effects, "open_assignments");
    expect(opened.map((effect) => [effect.levelId, effect.principals, effect.dueAt])).toEqual([
      [IDS.submission, ["u:emma"], null],
      [IDS.manager, [`r:${IDS.managerRole}`, "u:mark"], "2026-01-07T09:01:00.000Z"],
      [IDS.finance, [`r:${IDS.financeRole}`], "2026-01-08T09:02:00.000Z"],
    ]);
    expect(effectsOf(effects, "close_assignments").map((effect) => [effect.levelId, effect.reason, effect.decidedBy])).toEqual([
      [IDS.submission, "decided", "emma"],
      [IDS.manager, "decided", "mark"],
      [IDS.finance, "decided", "fiona"],
    ]);
    expect(effectsOf(effects, "emit_event").map((effect) => effect.event)).toEqual(["FLOW_STARTED", "TASK_STARTED", "TASK_COMPLETED", "FLOW_COMPLETED"]);
    expect(effectsOf(effects, "notify").at(-1)).toMatchObject({ template: "completed", userIds: ["emma"] });
    // A due time without reminder or escalation settings reminds when it passes.
    expect(effectsOf(effects, "schedule_timer")).toEqual([
      { type: "schedule_timer", kind: "reminder", levelId: IDS.manager, visit: 2, at: "2026-01-07T09:01:00.000Z" },
      { type: "schedule_timer", kind: "reminder", levelId: IDS.finance, visit: 3, at: "2026-01-08T09:02:00.000Z" },
    ]);
  });

  it("lets 500 skip finance and says why", () => {
    const result = accepted(advance(DEMO_FLOW, atManager(500), approve(), DEMO_CONTEXT));
    expect(result.state).toMatchObject({ status: "COMPLETED", version: 3 });
    expect(result.state.routing).toMatchObject({
      chosenBy: "default",
      branchId: "b-small",
      target: { kind: "COMPLETE" },
      evaluated: [{ branchId: "b-finance", result: false, explanation: "amount (500) >= 1000 → false" }],
      summary: 'Finance review (≥ 1,000): amount (500) >= 1000 → false; default branch "Under 1,000: done" → completed',
    });
  });

  it("reads a decimal-string amount as a number when no field types are given", () => {
    const state = runScript(DEMO_FLOW, [start(), { type: "submit", actor: employee, data: { amount: "1000.00" }, at: at(1) }], {}).state;
    const result = accepted(advance(DEMO_FLOW, state, approve(), {}));
    expect(result.state.currentLevelId).toBe(IDS.finance);
  });

  it("ends REJECTED with the reason in the history, and a rejection needs a reason", () => {
    const state = atManager(12000);
    expect(refusal(advance(DEMO_FLOW, state, { type: "reject", actor: manager, reason: "  ", at: at(2) }))).toBe("REASON_REQUIRED");
    const result = accepted(advance(DEMO_FLOW, state, { type: "reject", actor: manager, reason: "No receipt", at: at(2) }));
    expect(result.state).toMatchObject({ status: "REJECTED", currentLevelId: null, version: 3, endedAt: at(2) });
    expect(effectsOf(result.effects, "record_history")).toEqual([
      { type: "record_history", action: "REJECTED", fromLevelId: IDS.manager, toLevelId: null, actorId: "mark", comment: "No receipt", data: {}, status: "REJECTED", at: at(2) },
    ]);
    expect(effectsOf(result.effects, "notify")).toEqual([
      { type: "notify", template: "rejected", userIds: ["emma"], principals: [], levelId: IDS.manager, actorId: "mark", comment: "No receipt" },
    ]);
    // The ending is a FLOW_COMPLETED event too, with its status (triggers choose which endings they want).
    expect(effectsOf(result.effects, "emit_event")).toEqual([{ type: "emit_event", event: "FLOW_COMPLETED", payload: { status: "REJECTED", initiatorId: "emma", data: expect.any(Object) } }]);
  });

  it("sends back to level 1 with the data kept; the resubmission reports changed fields", () => {
    const state = runScript(DEMO_FLOW, [start(), submit(12000), approve()]).state;
    expect(refusal(advance(DEMO_FLOW, state, { type: "send_back", actor: finance, reason: "", toLevelId: IDS.submission, at: at(3) }))).toBe("REASON_REQUIRED");
    const back = accepted(advance(DEMO_FLOW, state, { type: "send_back", actor: finance, reason: "Attach the receipt", toLevelId: IDS.submission, at: at(3) }));
    expect(back.state).toMatchObject({ status: "IN_PROGRESS", currentLevelId: IDS.submission, data: expense(12000), path: [IDS.submission], levelDecisions: {}, routing: null });
    expect(effectsOf(back.effects, "record_history")[0]).toMatchObject({ action: "SENT_BACK", fromLevelId: IDS.finance, toLevelId: IDS.submission, comment: "Attach the receipt" });
    expect(effectsOf(back.effects, "open_assignments")[0]).toMatchObject({ levelId: IDS.submission, principals: ["u:emma"], visit: 4 });

    const resubmitted = accepted(advance(DEMO_FLOW, back.state, submit(900, employee, 4), DEMO_CONTEXT));
    const taskVersionId = DEMO_FLOW.levels.find((level) => level.id === IDS.submission)!.taskVersionIds[0];
    expect(effectsOf(resubmitted.effects, "emit_event").filter((effect) => effect.event === "FIELD_CHANGED")).toEqual([
      { type: "emit_event", event: "FIELD_CHANGED", payload: { field: "amount", from: 12000, to: 900, levelId: IDS.submission, actorId: "emma", taskVersionId } },
    ]);
    // The edited submission is also one TASK_UPDATED, with the previous values of what changed.
    expect(effectsOf(resubmitted.effects, "emit_event").filter((effect) => effect.event === "TASK_UPDATED")).toEqual([
      { type: "emit_event", event: "TASK_UPDATED", payload: { levelId: IDS.submission, taskVersionId, actorId: "emma", data: resubmitted.state.data, previous: { amount: 12000 }, changed: ["amount"] } },
    ]);
    // A first submission changes nothing that was there: no update events.
    expect(effectsOf(runScript(DEMO_FLOW, [start(), submit(12000)]).effects, "emit_event").map((effect) => effect.event)).not.toContain("TASK_UPDATED");
    expect(resubmitted.state).toMatchObject({ currentLevelId: IDS.manager, data: { amount: 900 } });
  });

  it("sends back only to an earlier level on the path", () => {
    const state = atManager(12000);
    const sendBack = (toLevelId: string) => advance(DEMO_FLOW, state, { type: "send_back", actor: manager, reason: "why", toLevelId, at: at(2) });
    expect(refusal(sendBack(IDS.finance))).toBe("BAD_TARGET");
    expect(refusal(sendBack(IDS.manager))).toBe("BAD_TARGET");
    expect(refusal(sendBack("nowhere"))).toBe("BAD_TARGET");
  });

  it("requests changes from the initiator's level", () => {
    const definition = withLevel(DEMO_FLOW, IDS.manager, { allowedActions: ["approve", "reject", "request_changes"] });
    const state = atManager(12000, employee, definition);
    expect(refusal(advance(DEMO_FLOW, state, { type: "request_changes", actor: manager, reason: "More detail", at: at(2) }))).toBe("ACTION_NOT_ALLOWED");
    const result = accepted(advance(definition, state, { type: "request_changes", actor: manager, reason: "More detail", at: at(2) }));
    expect(result.state.currentLevelId).toBe(IDS.submission);
    expect(effectsOf(result.effects, "record_history")[0]).toMatchObject({ action: "CHANGES_REQUESTED", toLevelId: IDS.submission });
    expect(refusal(advance(definition, result.state, { type: "request_changes", actor: employee, reason: "x", at: at(3) }))).toBe("ACTION_NOT_ALLOWED");
  });
});

describe("who may act", () => {
  it("refuses a non-assignee, and the wrong action", () => {
    const state = atManager(12000);
    expect(refusal(advance(DEMO_FLOW, state, approve(finance)))).toBe("NOT_ASSIGNEE");
    expect(refusal(advance(DEMO_FLOW, state, approve(outsider)))).toBe("NOT_ASSIGNEE");
    expect(refusal(advance(DEMO_FLOW, state, { type: "submit", actor: manager, data: {}, at: at(2) }))).toBe("ACTION_NOT_ALLOWED");
    expect(refusal(advance(DEMO_FLOW, runScript(DEMO_FLOW, [start()]).state, approve(employee)))).toBe("ACTION_NOT_ALLOWED");
  });

  it("lets any holder of the manager role act, and the initiator's manager without a resolved id", () => {
    expect(accepted(advance(DEMO_FLOW, atManager(500), approve(otherManager))).state.status).toBe("COMPLETED");
    const noManagerId = runScript(DEMO_FLOW, [start(), submit(500)], {}).state;
    expect(noManagerId.current?.principals).toEqual([`r:${IDS.managerRole}`]);
    const onlyAsManager = { userId: "mark", principals: ["u:mark"], isInitiatorManager: true, isAdmin: false };
    expect(accepted(advance(DEMO_FLOW, noManagerId, approve(onlyAsManager), {})).state.status).toBe("COMPLETED");
  });

  it("refuses data at a level without a form", () => {
    expect(refusal(advance(DEMO_FLOW, atManager(500), { type: "approve", actor: manager, data: { amount: 1 }, at: at(2) }))).toBe("ACTION_NOT_ALLOWED");
  });

  it("refuses self-approval, and flags it where the level allows it", () => {
    const own = atManager(12000, managerEmployee);
    expect(refusal(advance(DEMO_FLOW, own, approve(managerEmployee)))).toBe("SELF_APPROVAL");
    expect(refusal(advance(DEMO_FLOW, own, { type: "reject", actor: managerEmployee, reason: "hm", at: at(2) }))).toBe("SELF_APPROVAL");
    expect(refusal(advance(DEMO_FLOW, own, { type: "send_back", actor: managerEmployee, reason: "hm", toLevelId: IDS.submission, at: at(2) }))).toBe("SELF_APPROVAL");

    const lenient = withLevel(DEMO_FLOW, IDS.manager, { allowSelfApproval: true });
    const result = accepted(advance(lenient, atManager(12000, managerEmployee, lenient), approve(managerEmployee)));
    expect(effectsOf(result.effects, "record_history")[0]).toMatchObject({ action: "APPROVED", actorId: "max", selfApproved: true });
    expect(effectsOf(accepted(advance(lenient, atManager(12000, employee, lenient), approve())).effects, "record_history")[0]).not.toHaveProperty("selfApproved");
  });
});

describe("approval modes", () => {
  const financeAll = withLevel(DEMO_FLOW, IDS.finance, { approvalMode: "ALL" });
  const context = { ...DEMO_CONTEXT, eligibleUserIds: { [IDS.finance]: ["fiona", "felix", "emma"] } };

  it("ALL waits for every eligible user (resolved on entry, the initiator left out)", () => {
    const { state } = runScript(financeAll, [start(), submit(12000), approve()], context);
    expect(state.current?.eligibleUserIds).toEqual(["fiona", "felix"]);
    const first = accepted(advance(financeAll, state, approve(finance, 3), context));
    expect(first.state).toMatchObject({ currentLevelId: IDS.finance, levelDecisions: { fiona: "approved" }, version: 4 });
    expect(effectsOf(first.effects, "record_history")[0]).toMatchObject({ action: "APPROVED", fromLevelId: IDS.finance, toLevelId: IDS.finance });
    expect(effectsOf(first.effects, "close_assignments")).toEqual([]);
    expect(refusal(advance(financeAll, first.state, approve(finance, 4), context))).toBe("ALREADY_DECIDED");
    const second = accepted(advance(financeAll, first.state, approve(finance2, 4), context));
    expect(second.state).toMatchObject({ status: "COMPLETED", version: 5 });
  });

  it("ALL with nobody resolvable completes on one eligible approval", () => {
    const { state } = runScript(financeAll, [start(), submit(12000), approve()], DEMO_CONTEXT);
    expect(state.current?.eligibleUserIds).toEqual([]);
    expect(accepted(advance(financeAll, state, approve(finance, 3))).state.status).toBe("COMPLETED");
  });

  it("AT_LEAST 2 needs two distinct approvals", () => {
    const atLeast = withLevel(DEMO_FLOW, IDS.finance, { approvalMode: "AT_LEAST", requiredApprovals: 2 });
    const { state } = runScript(atLeast, [start(), submit(12000), approve(), approve(finance, 3)]);
    expect(state).toMatchObject({ currentLevelId: IDS.finance, levelDecisions: { fiona: "approved" } });
    expect(refusal(advance(atLeast, state, approve(finance, 4)))).toBe("ALREADY_DECIDED");
    expect(accepted(advance(atLeast, state, approve(finance2, 4))).state.status).toBe("COMPLETED");
  });

  it("a single reject ends an ALL level", () => {
    const { state } = runScript(financeAll, [start(), submit(12000), approve(), approve(finance, 3)], context);
    expect(accepted(advance(financeAll, state, { type: "reject", actor: finance2, reason: "Over budget", at: at(4) }, context)).state.status).toBe("REJECTED");
  });
});

describe("timers", () => {
  const escalating = withLevel(DEMO_FLOW, IDS.manager, { reminderBeforeHours: 8, escalation: { to: "role", roleId: "role-director" } });
  const director = { userId: "dora", principals: ["u:dora", "r:role-director"], isInitiatorManager: false, isAdmin: false };

  it("schedules a reminder before the due time and an escalation at it", () => {
    const { effects } = runScript(escalating, [start(), submit(12000)]);
    expect(effectsOf(effects, "schedule_timer")).toEqual([
      { type: "schedule_timer", kind: "reminder", levelId: IDS.manager, visit: 2, at: "2026-01-07T01:01:00.000Z" },
      { type: "schedule_timer", kind: "escalation", levelId: IDS.manager, visit: 2, at: "2026-01-07T09:01:00.000Z" },
    ]);
  });

  it("reminds once, escalates once, and the escalation's holder may then decide", () => {
    const state = atManager(12000, employee, escalating);
    expect(refusal(advance(escalating, state, approve(director)))).toBe("NOT_ASSIGNEE");
    const reminded = accepted(advance(escalating, state, { type: "timer_fired", kind: "reminder", levelId: IDS.manager, visit: 2, at: at(30) }));
    expect(reminded).toMatchObject({ noop: false, state: { version: 3, current: { reminded: true } } });
    expect(effectsOf(reminded.effects, "notify")[0]).toMatchObject({ template: "reminder", principals: [`r:${IDS.managerRole}`, "u:mark"] });
    expect(accepted(advance(escalating, reminded.state, { type: "timer_fired", kind: "reminder", levelId: IDS.manager, at: at(31) }))).toMatchObject({ noop: true, effects: [] });

    const escalated = accepted(advance(escalating, reminded.state, { type: "timer_fired", kind: "escalation", levelId: IDS.manager, visit: 2, at: at(40) }));
    expect(escalated.state.version).toBe(4);
    expect(escalated.effects).toEqual([
      { type: "record_history", action: "ESCALATED", fromLevelId: IDS.manager, toLevelId: IDS.manager, actorId: null, comment: null, data: { to: "r:role-director" }, status: "IN_PROGRESS", at: at(40) },
      { type: "open_assignments", levelId: IDS.manager, visit: 2, principals: ["r:role-director"], dueAt: "2026-01-07T09:01:00.000Z" },
      { type: "notify", template: "escalated", userIds: [], principals: ["r:role-director"], levelId: IDS.manager, actorId: null, comment: null },
    ]);
    expect(accepted(advance(escalating, escalated.state, { type: "timer_fired", kind: "escalation", levelId: IDS.manager, at: at(41) })).noop).toBe(true);
    expect(accepted(advance(escalating, escalated.state, approve(director, 42))).state.currentLevelId).toBe(IDS.finance);
  });

  it("escalates to the initiator's manager", () => {
    const toManager = withLevel(DEMO_FLOW, IDS.finance, { escalation: { to: "initiator_manager" } });
    const { state } = runScript(toManager, [start(), submit(12000), approve()]);
    const escalated = accepted(advance(toManager, state, { type: "timer_fired", kind: "escalation", levelId: IDS.finance, at: at(50) }, DEMO_CONTEXT));
    expect(escalated.state.current).toMatchObject({ principals: [`r:${IDS.financeRole}`, "u:mark"], managerOpen: true });
    expect(accepted(advance(toManager, escalated.state, approve(manager, 51))).state.status).toBe("COMPLETED");
  });

  it("ignores stale timers: another level, an earlier visit, a finished instance", () => {
    const state = runScript(DEMO_FLOW, [start(), submit(12000), approve()]).state;
    const fired = (levelId: string, visit?: number) => advance(DEMO_FLOW, state, { type: "timer_fired", kind: "reminder", levelId, at: at(9), ...(visit === undefined ? {} : { visit }) });
    expect(fired(IDS.manager)).toEqual({ ok: true, state, effects: [], noop: true });
    expect(accepted(fired(IDS.finance, 2)).noop).toBe(true);
    expect(accepted(fired(IDS.finance, 3)).noop).toBe(false);
    const done = accepted(advance(DEMO_FLOW, state, approve(finance, 3))).state;
    expect(advance(DEMO_FLOW, done, { type: "timer_fired", kind: "escalation", levelId: IDS.finance, at: at(9) })).toEqual({ ok: true, state: done, effects: [], noop: true });
  });
});

describe("cancel and reassign", () => {
  it("lets the initiator withdraw; the instance then absorbs every event", () => {
    const state = atManager(12000);
    expect(refusal(advance(DEMO_FLOW, state, { type: "cancel", actor: manager, at: at(2) }))).toBe("FORBIDDEN");
    const result = accepted(advance(DEMO_FLOW, state, { type: "cancel", actor: employee, reason: "Duplicate", at: at(2) }));
    expect(result.state).toMatchObject({ status: "CANCELLED", currentLevelId: null, version: 3 });
    expect(result.effects).toEqual([
      { type: "close_assignments", levelId: IDS.manager, visit: 2, reason: "cancelled", decidedBy: "emma" },
      { type: "record_history", action: "CANCELLED", fromLevelId: IDS.manager, toLevelId: null, actorId: "emma", comment: "Duplicate", data: {}, status: "CANCELLED", at: at(2) },
      { type: "notify", template: "cancelled", userIds: [], principals: [`r:${IDS.managerRole}`, "u:mark"], levelId: IDS.manager, actorId: "emma", comment: "Duplicate" },
      { type: "emit_event", event: "FLOW_COMPLETED", payload: { status: "CANCELLED", initiatorId: "emma", data: result.state.data } },
    ]);
    expect(refusal(advance(DEMO_FLOW, result.state, approve()))).toBe("TERMINAL");
    expect(refusal(advance(DEMO_FLOW, result.state, { type: "cancel", actor: employee, at: at(3) }))).toBe("TERMINAL");
    expect(refusal(advance(DEMO_FLOW, result.state, start()))).toBe("TERMINAL");
  });

  it("lets an admin cancel, telling the initiator", () => {
    const result = accepted(advance(DEMO_FLOW, atManager(12000), { type: "cancel", actor: admin, at: at(2) }));
    expect(effectsOf(result.effects, "notify").map((effect) => [effect.template, effect.userIds])).toEqual([
      ["cancelled", []],
      ["cancelled", ["emma"]],
    ]);
  });

  it("lets an admin hand a level to a user", () => {
    const state = runScript(DEMO_FLOW, [start(), submit(12000), approve()]).state;
    const reassign = (patch: Partial<FlowEvent & { type: "reassign" }> = {}): FlowEvent => ({ type: "reassign", actor: admin, fromPrincipal: `r:${IDS.financeRole}`, toUserId: "alice", at: at(5), ...patch });
    expect(refusal(advance(DEMO_FLOW, state, reassign({ actor: finance })))).toBe("FORBIDDEN");
    expect(refusal(advance(DEMO_FLOW, state, reassign({ fromPrincipal: "r:nobody" })))).toBe("BAD_TARGET");
    const result = accepted(advance(DEMO_FLOW, state, reassign({ reason: "Fiona is away" })));
    expect(result.state.current?.principals).toEqual(["u:alice"]);
    expect(result.effects).toEqual([
      { type: "close_assignments", levelId: IDS.finance, visit: 3, reason: "reassigned", decidedBy: null, principals: [`r:${IDS.financeRole}`] },
      { type: "open_assignments", levelId: IDS.finance, visit: 3, principals: ["u:alice"], dueAt: "2026-01-08T09:02:00.000Z" },
      { type: "record_history", action: "REASSIGNED", fromLevelId: IDS.finance, toLevelId: IDS.finance, actorId: "ada", comment: "Fiona is away", data: { fromPrincipal: `r:${IDS.financeRole}`, toUserId: "alice" }, status: "IN_PROGRESS", at: at(5) },
      { type: "notify", template: "assigned", userIds: ["alice"], principals: [], levelId: IDS.finance, actorId: "ada", comment: "Fiona is away" },
    ]);
    expect(refusal(advance(DEMO_FLOW, result.state, approve(finance, 6)))).toBe("NOT_ASSIGNEE");
    const alice = { userId: "alice", principals: ["u:alice"], isInitiatorManager: false, isAdmin: false };
    expect(accepted(advance(DEMO_FLOW, result.state, approve(alice, 6))).state.status).toBe("COMPLETED");
  });

  it("reassigns the manager slot, so the initiator's manager no longer holds the level", () => {
    const state = atManager(12000);
    const result = accepted(advance(DEMO_FLOW, state, { type: "reassign", actor: admin, fromPrincipal: "initiator_manager", toUserId: "mia", at: at(2) }, DEMO_CONTEXT));
    expect(result.state.current).toMatchObject({ principals: [`r:${IDS.managerRole}`, "u:mia"], managerOpen: false });
    const markWithoutRole = { ...manager, principals: ["u:mark"] };
    expect(refusal(advance(DEMO_FLOW, result.state, approve(markWithoutRole)))).toBe("NOT_ASSIGNEE");
  });

  it("keeps an ALL level completable after reassigning one of its users", () => {
    const definition = withLevel(DEMO_FLOW, IDS.finance, { approvalMode: "ALL", assignees: [{ kind: "USER", userId: "fiona" }, { kind: "USER", userId: "felix" }] });
    const context = { ...DEMO_CONTEXT, eligibleUserIds: { [IDS.finance]: ["fiona", "felix"] } };
    const state = runScript(definition, [start(), submit(12000), approve()], context).state;
    const moved = accepted(advance(definition, state, { type: "reassign", actor: admin, fromPrincipal: "u:felix", toUserId: "alice", at: at(3) }, context));
    expect(moved.state.current?.eligibleUserIds).toEqual(["fiona", "alice"]);
    const alice = { userId: "alice", principals: ["u:alice"], isInitiatorManager: false, isAdmin: false };
    const { state: done } = runScript(definition, [approve(finance, 4), approve(alice, 5)], context, moved.state);
    expect(done.status).toBe("COMPLETED");
  });
});

describe("refusals that concern the event or the definition", () => {
  it("codes every malformed or out-of-place event", () => {
    const fresh = initialState();
    expect(refusal(advance(DEMO_FLOW, fresh, approve()))).toBe("NOT_STARTED");
    expect(accepted(advance(DEMO_FLOW, fresh, { type: "timer_fired", kind: "reminder", levelId: IDS.manager, at: at(0) })).noop).toBe(true);
    const started = runScript(DEMO_FLOW, [start()]).state;
    expect(refusal(advance(DEMO_FLOW, started, start()))).toBe("ALREADY_STARTED");
    expect(refusal(advance(DEMO_FLOW, started, { type: "approve", actor: manager, at: "yesterday" } as FlowEvent))).toBe("BAD_EVENT");
    expect(refusal(advance(DEMO_FLOW, started, { type: "fly" } as unknown as FlowEvent))).toBe("BAD_EVENT");
    expect(refusal(advance(DEMO_FLOW, started, null as unknown as FlowEvent))).toBe("BAD_EVENT");
  });

  it("refuses to route on a condition that cannot run instead of guessing", () => {
    const broken: TFlowDefinition = { ...DEMO_FLOW, branches: DEMO_FLOW.branches.map((branch) => (branch.id === "b-finance" ? { ...branch, condition: "amount >=" } : branch)) };
    const state = atManager(12000, employee, broken);
    const result = advance(broken, state, approve());
    expect(refusal(result)).toBe("BAD_DEFINITION");
    expect(refusal(advance({ schemaVersion: 1, levels: [], branches: [] }, initialState(), start()))).toBe("BAD_DEFINITION");
    const lost: FlowState = { ...state, currentLevelId: "gone" };
    expect(refusal(advance(DEMO_FLOW, lost, approve()))).toBe("BAD_DEFINITION");
  });

  it("never throws: an engine failure comes back as INTERNAL", () => {
    expect(refusal(advance(null as unknown as TFlowDefinition, initialState(), start()))).toBe("INTERNAL");
  });

  it("keeps the state plain JSON", () => {
    const { state } = runScript(DEMO_FLOW, [start(), submit(12000), approve()]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
