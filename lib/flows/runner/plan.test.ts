import { describe, expect, it } from "vitest";
import { advance, initialState } from "@/lib/flows/engine/advance";
import { at, DEMO_CONTEXT, DEMO_FLOW, IDS, PEOPLE } from "@/lib/flows/engine/test-fixtures";
import type { FlowEvent, FlowState } from "@/lib/flows/engine/types";
import { canStartFlow, eligibility } from "./eligibility";
import { appErrorOf, conflictError } from "./errors";
import { planWrites, timerJobKey, type PlannedStep } from "./plan";

const expense = { employee_name: "Emma", amount: 12000, category: "travel" };

function steps(events: FlowEvent[], from: FlowState = initialState()): PlannedStep[] {
  let state = from;
  return events.map((event) => {
    const result = advance(DEMO_FLOW, state, event, DEMO_CONTEXT);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
    return { state: result.state, effects: result.effects, event };
  });
}

const plan = (planned: PlannedStep[]) =>
  planWrites({ instanceId: "inst-1", flowId: "flow-1", flowVersionId: "ver-1", flowName: "Expenses", definition: DEMO_FLOW, actorNames: { emma: "Emma", mark: "Mark" }, steps: planned });

describe("planWrites", () => {
  it("writes start + submit as one batch: the first level's assignment is inserted already done", () => {
    const batch = steps([
      { type: "start", initiator: PEOPLE.employee, at: at(0) },
      { type: "submit", actor: PEOPLE.employee, data: expense, at: at(0) },
    ]);
    const rows = plan(batch);
    expect(rows.instance).toMatchObject({ version: 2, status: "IN_PROGRESS", currentLevelId: IDS.manager, completedAt: null });
    expect(rows.history.map((row) => [row.seq, row.action])).toEqual([
      [1, "STARTED"],
      [2, "SUBMITTED"],
    ]);
    expect(rows.opens.map((row) => [row.levelId, row.principal, row.status])).toEqual([
      [IDS.submission, "u:emma", "DONE"],
      [IDS.manager, `r:${IDS.managerRole}`, "OPEN"],
      [IDS.manager, "u:mark", "OPEN"],
    ]);
    expect(rows.timers).toEqual([{ kind: "reminder", levelId: IDS.manager, visit: 2, at: "2026-01-07T09:00:00.000Z", jobKey: timerJobKey("inst-1", IDS.manager, 2, "reminder") }]);
    expect(rows.outbox.map((row) => row.dedupeKey)).toEqual(["inst-1:1:FLOW_STARTED", "inst-1:1:TASK_STARTED", "inst-1:2:TASK_COMPLETED"]);
    // Emma is never told about her own start; the managers are told the request waits for them.
    const assigned = rows.notifications.filter((row) => row.type === "assigned");
    expect(assigned.map((row) => [row.actorId, row.userIds, row.roleIds])).toEqual([
      ["emma", ["emma"], []],
      ["emma", ["mark"], [IDS.managerRole]],
    ]);
  });

  it("keeps routing and self-approval in the history data, and closes with the decider", () => {
    const [started, submitted] = steps([
      { type: "start", initiator: PEOPLE.employee, at: at(0) },
      { type: "submit", actor: PEOPLE.employee, data: expense, at: at(1) },
    ]);
    const approved = steps([{ type: "approve", actor: PEOPLE.manager, comment: "ok", at: at(2) }], submitted!.state);
    const rows = plan(approved);
    expect(started).toBeDefined();
    expect(rows.history[0]).toMatchObject({ seq: 3, action: "APPROVED", comment: "ok", data: { values: {}, status: "IN_PROGRESS", routing: { chosenBy: "condition" } } });
    expect(rows.closes).toEqual([{ levelId: IDS.manager, visit: 2, status: "DONE", decidedById: "mark", decision: "decided", principals: null, completedAt: at(2) }]);
    expect(rows.notifications.find((row) => row.type === "decided")).toMatchObject({ userIds: ["emma"], title: "Expenses: Mark approved your request" });
  });
});

describe("eligibility", () => {
  const atManager = steps([
    { type: "start", initiator: PEOPLE.employee, at: at(0) },
    { type: "submit", actor: PEOPLE.employee, data: expense, at: at(1) },
  ])[1]!.state;

  it("offers exactly what the engine would accept", () => {
    expect(eligibility(DEMO_FLOW, atManager, PEOPLE.manager)).toMatchObject({ actions: ["approve", "reject", "send_back"], sendBackTargets: [{ levelId: IDS.submission }], matched: ["u:mark", `r:${IDS.managerRole}`, "initiator_manager"] });
    expect(eligibility(DEMO_FLOW, atManager, PEOPLE.outsider).actions).toEqual([]);
    expect(eligibility(DEMO_FLOW, atManager, PEOPLE.employee)).toMatchObject({ actions: [], canCancel: true });
    expect(eligibility(DEMO_FLOW, atManager, PEOPLE.admin)).toMatchObject({ actions: [], canCancel: true, canReassign: true });
  });

  it("lets anyone start a flow whose first level the initiator fills", () => {
    expect(canStartFlow(DEMO_FLOW, ["u:anyone"])).toBe(true);
    const managerFirst = { ...DEMO_FLOW, levels: DEMO_FLOW.levels.filter((level) => level.id !== IDS.submission) };
    expect(canStartFlow(managerFirst, ["u:anyone"])).toBe(true); // its first level has the manager slot
    const financeFirst = { ...DEMO_FLOW, levels: DEMO_FLOW.levels.filter((level) => level.id === IDS.finance) };
    expect(canStartFlow(financeFirst, ["u:anyone"])).toBe(false);
    expect(canStartFlow(financeFirst, ["u:fiona", `r:${IDS.financeRole}`])).toBe(true);
  });
});

describe("errors", () => {
  it("maps engine refusals onto coded errors", () => {
    expect(appErrorOf({ code: "NOT_ASSIGNEE", message: "x" })).toMatchObject({ code: "FORBIDDEN" });
    expect(appErrorOf({ code: "REASON_REQUIRED", message: "A reason is required" })).toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["A reason is required"] } });
    expect(appErrorOf({ code: "ALREADY_DECIDED", message: "x" })).toMatchObject({ code: "CONFLICT" });
    expect(appErrorOf({ code: "INTERNAL", message: "boom" })).not.toHaveProperty("code");
  });

  it("names who moved the request", () => {
    const error = conflictError({ action: "SENT_BACK", actorName: "Mike Manager", at: new Date("2026-01-05T14:02:30Z"), version: 4 });
    expect(error.message).toBe("This request was already sent back by Mike Manager at 14:02 UTC. Reload it to see where it is now.");
    expect(conflictError({ action: "ESCALATED", actorName: null, at: new Date("2026-01-05T09:00:00Z"), version: 3 }).message).toMatch(/already escalated automatically/);
  });
});
