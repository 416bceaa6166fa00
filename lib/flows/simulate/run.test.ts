import { describe, expect, it } from "vitest";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { DEMO_FLOW, EXPENSE_FIELDS, IDS } from "@/lib/flows/engine/test-fixtures";
import { simulationContextFor } from "./context";
import { availableOutcomes, decide, replaySimulation, simulate, startSimulation } from "./run";
import { outcomesFromRoute, routeOf, routesDiffer, routeText, runGoldenCase } from "./route";
import type { SimulationContext } from "./types";

const forms = new Map([[IDS.expenseForm, { fields: EXPENSE_FIELDS, labels: { amount: "Amount", category: "Category", employee_name: "Employee Name" } }]]);
const context: SimulationContext = simulationContextFor(DEMO_FLOW, forms);
const expense = (amount: number) => ({ employee_name: "Emma", amount, category: "travel" });
const names = (run: ReturnType<typeof simulate>) => run.steps.map((step) => step.levelName);

describe("simulate the expense flow with the real engine", () => {
  it("routes 12,000 through the manager to finance and completes, explaining the branch in words", () => {
    const run = simulate(DEMO_FLOW, { data: expense(12_000) }, context);
    expect(run.status).toBe("COMPLETED");
    expect(names(run)).toEqual(["Employee Submission", "Manager Review", "Finance Approval"]);
    expect(run.steps[1].decision?.explanation).toBe("Amount 12,000 ≥ 1,000 → Finance Approval");
    expect(run.steps[1].decision?.checks).toEqual([{ branchId: "b-finance", branchName: "Finance review (≥ 1,000)", text: "Amount 12,000 ≥ 1,000", result: true }]);
    expect(run.steps[2].decision?.explanation).toBe("default “Approved” → Completed");
    expect(run.highlight).toEqual({ levelIds: [IDS.submission, IDS.manager, IDS.finance], branchIds: ["b-to-manager", "b-finance", "b-approved"], currentLevelId: null });
    // The submitted sample is the instance's data, as in a real run.
    expect(run.state.data).toEqual(expense(12_000));
  });

  it("completes 500 after the manager through the default branch", () => {
    const run = simulate(DEMO_FLOW, { data: expense(500) }, context);
    expect(run.status).toBe("COMPLETED");
    expect(names(run)).toEqual(["Employee Submission", "Manager Review"]);
    expect(run.steps[1].decision?.explanation).toBe("Amount 500 ≥ 1,000: no; default “Under 1,000: done” → Completed");
    expect(run.highlight.branchIds).toEqual(["b-to-manager", "b-small"]);
  });

  it("ends rejected when the manager rejects", () => {
    const run = simulate(DEMO_FLOW, { data: expense(12_000), outcomes: { [IDS.manager]: "reject" } }, context);
    expect(run.status).toBe("REJECTED");
    expect(run.steps.map((step) => [step.levelName, step.outcome])).toEqual([["Employee Submission", "approve"], ["Manager Review", "reject"]]);
    expect(run.steps[1].decision).toBeNull();
  });

  it("sends back to the submission, then goes through on the second visit", () => {
    const run = simulate(DEMO_FLOW, { data: expense(12_000), outcomes: { [IDS.finance]: [`send_back:${IDS.submission}`, "approve"] } }, context);
    expect(run.status).toBe("COMPLETED");
    expect(names(run)).toEqual(["Employee Submission", "Manager Review", "Finance Approval", "Employee Submission", "Manager Review", "Finance Approval"]);
    expect(run.steps[2]).toMatchObject({ outcome: `send_back:${IDS.submission}`, sendBackToName: "Employee Submission" });
    expect(routeText(routeOf(run))).toBe(
      "Employee Submission (approved) → Manager Review (approved) → Finance Approval (sent back to Employee Submission) → Employee Submission (approved) → Manager Review (approved) → Finance Approval (approved) → Completed",
    );
  });

  it("reports a loop that never ends as stuck instead of running forever", () => {
    const run = simulate(DEMO_FLOW, { data: expense(12_000), outcomes: { [IDS.manager]: `send_back:${IDS.submission}` } }, context);
    expect(run.status).toBe("STUCK");
    expect(run.stuckReason).toMatch(/loops without end/);
  });

  it("waits for every approver of an ALL level, and for the required number under AT_LEAST", () => {
    const all: TFlowDefinition = { ...DEMO_FLOW, levels: DEMO_FLOW.levels.map((level) => (level.id === IDS.finance ? { ...level, approvalMode: "ALL" } : level)) };
    const run = simulate(all, { data: expense(12_000) }, context);
    expect(run.status).toBe("COMPLETED");
    expect(run.steps[2]).toMatchObject({ levelName: "Finance Approval", approvals: 2 });
    const atLeast: TFlowDefinition = { ...DEMO_FLOW, levels: DEMO_FLOW.levels.map((level) => (level.id === IDS.manager ? { ...level, approvalMode: "AT_LEAST", requiredApprovals: 3 } : level)) };
    const three = simulate(atLeast, { data: expense(500) }, context);
    expect(three.status).toBe("COMPLETED");
    expect(three.steps[1].approvals).toBe(3);
  });

  it("is stuck with the engine's reason when an outcome is not allowed at a level", () => {
    const run = simulate(DEMO_FLOW, { data: expense(500), outcomes: { [IDS.submission]: "reject" } }, context);
    expect(run).toMatchObject({ status: "STUCK", stuckReason: 'Employee Submission: "reject" is not allowed at "Employee Submission"' });
  });
});

describe("step by step", () => {
  it("offers the level's allowed outcomes and advances one decision at a time", () => {
    let run = startSimulation(DEMO_FLOW, expense(12_000), context);
    expect(run).toMatchObject({ status: "IN_PROGRESS", highlight: { levelIds: [IDS.submission], currentLevelId: IDS.submission } });
    expect(availableOutcomes(DEMO_FLOW, run).map((choice) => choice.label)).toEqual(["Submit"]);
    run = decide(DEMO_FLOW, run, "approve", context);
    expect(run.highlight.currentLevelId).toBe(IDS.manager);
    expect(availableOutcomes(DEMO_FLOW, run).map((choice) => choice.label)).toEqual(["Approve", "Reject", "Send back to Employee Submission"]);
    run = decide(DEMO_FLOW, run, "approve", context);
    expect(run.highlight).toEqual({ levelIds: [IDS.submission, IDS.manager, IDS.finance], branchIds: ["b-to-manager", "b-finance"], currentLevelId: IDS.finance });
    expect(replaySimulation(DEMO_FLOW, expense(12_000), ["approve", "approve"], context)).toEqual(run);
  });
});

describe("golden cases", () => {
  it("replays a stored route and notices when a changed threshold changes it", () => {
    const expected = routeOf(simulate(DEMO_FLOW, { data: expense(1_500) }, context));
    expect(runGoldenCase(DEMO_FLOW, { name: "1,500", data: expense(1_500), expected }, context)).toMatchObject({ changed: false });
    const raised: TFlowDefinition = { ...DEMO_FLOW, branches: DEMO_FLOW.branches.map((branch) => (branch.id === "b-finance" ? { ...branch, condition: "amount >= 5000" } : branch)) };
    const result = runGoldenCase(raised, { name: "1,500", data: expense(1_500), expected }, context);
    expect(result).toMatchObject({
      changed: true,
      expectedText: "Employee Submission (approved) → Manager Review (approved) → Finance Approval (approved) → Completed",
      actualText: "Employee Submission (approved) → Manager Review (approved) → Completed",
    });
  });

  it("finds the levels of a new draft by name when their ids changed", () => {
    const renamed = (id: string) => `new-${id}`;
    const copy: TFlowDefinition = {
      ...DEMO_FLOW,
      levels: DEMO_FLOW.levels.map((level) => ({ ...level, id: renamed(level.id) })),
      branches: DEMO_FLOW.branches.map((branch) => ({ ...branch, fromLevelId: renamed(branch.fromLevelId), toLevelId: branch.toLevelId && renamed(branch.toLevelId) })),
    };
    const expected = routeOf(simulate(DEMO_FLOW, { data: expense(12_000), outcomes: { [IDS.finance]: [`send_back:${IDS.manager}`] } }, context));
    expect(outcomesFromRoute(copy, expected)[renamed(IDS.finance)]).toEqual([`send_back:${renamed(IDS.manager)}`, "approve"]);
    const copyContext = simulationContextFor(copy, forms);
    expect(routesDiffer(expected, routeOf(simulate(copy, { data: expense(12_000), outcomes: outcomesFromRoute(copy, expected) }, copyContext)))).toBe(false);
  });
});
