import { describe, expect, it } from "vitest";
import { t } from "@/lib/expressions/types";
import type { TFlowBranch, TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";
import { checkOptionsFor } from "@/lib/flows/editor/fields";
import { updateBranch } from "@/lib/flows/editor/operations";
import { blocksPublish, checkDraft } from "@/lib/flows/editor/problems";
import { DEMO_FLOW, EXPENSE_FIELDS, IDS } from "@/lib/flows/engine/test-fixtures";

const FACTS = { amount: { label: "Amount" }, category: { label: "Category" }, receipt: { label: "Receipt", canBeEmpty: true, hiddenWhen: "has_receipt" }, has_receipt: { label: "Has receipt", canBeEmpty: false } };
const forms = new Map([[IDS.expenseForm, { fields: { ...EXPENSE_FIELDS, receipt: t.number, has_receipt: t.boolean }, facts: FACTS }]]);
const check = (definition: TFlowDefinition) => checkDraft(definition, checkOptionsFor(definition, forms));
const codes = (definition: TFlowDefinition) => check(definition).map((problem) => [problem.code, problem.severity, problem.path]);

// The expense flow's manager level with "Amount < 1,000 → done" and "Amount > 1,000 → finance", no default.
function expenseWithGap(): TFlowDefinition {
  let flow = updateBranch(DEMO_FLOW, "b-finance", { condition: "amount > 1000" });
  flow = updateBranch(flow, "b-small", { isDefault: false, condition: "amount < 1000" });
  return flow;
}

const level = (id: string, order: number, extra: Partial<TFlowLevel> = {}): TFlowLevel => ({
  id, name: id, order, approvalMode: "ANY", requiredApprovals: 1, allowedActions: ["approve", "reject"], allowSelfApproval: false, assignees: [{ kind: "INITIATOR" }], taskVersionIds: [], ...extra,
});
const branch = (id: string, from: string, to: string | "COMPLETE", priority: number, condition: string | null): TFlowBranch => ({
  id, name: id, fromLevelId: from, target: to === "COMPLETE" ? "COMPLETE" : "LEVEL", toLevelId: to === "COMPLETE" ? null : to, condition, isDefault: condition === null, priority,
});

describe("coverage in the publish check", () => {
  it("blocks the expense flow with a gap at Amount = 1,000 and names the counter-example", () => {
    const problems = check(expenseWithGap());
    expect(problems).toEqual([
      expect.objectContaining({ code: "BRANCH_GAP", severity: "error", path: "levels[1]", counterExample: "Amount = 1,000" }),
    ]);
    expect(problems[0].message).toContain('Amount = 1,000 matches no branch leaving "Manager Review" and the level has no default: such a request would move on to "Finance Approval"');
    expect(problems.some(blocksPublish)).toBe(true);
  });

  it("passes once the gap is closed", () => {
    expect(check(updateBranch(expenseWithGap(), "b-finance", { condition: "amount >= 1000" }))).toEqual([]);
  });

  it("warns (without blocking) about an overlap, on the branch that loses", () => {
    const flow = updateBranch(DEMO_FLOW, "b-small", { isDefault: false, condition: "amount < 5000", priority: 1 });
    const withDefault = { ...flow, branches: [...flow.branches, branch("rest", IDS.manager, "COMPLETE", 5, null)] };
    const problems = check(withDefault);
    expect(problems).toEqual([expect.objectContaining({ code: "BRANCH_OVERLAP", severity: "warning", path: "branches[2].condition", counterExample: "Amount = 1,000" })]);
    expect(problems.some(blocksPublish)).toBe(false);
  });
});

describe("loops and ends, with dead branches taken into account", () => {
  it("flags a loop whose only exit can never be taken", () => {
    const flow: TFlowDefinition = {
      schemaVersion: 1,
      levels: [level("Start", 1, { taskVersionIds: [IDS.expenseForm], allowedActions: ["submit"] }), level("Check", 2), level("Recheck", 3)],
      branches: [
        branch("to-check", "Start", "Check", 0, null),
        branch("big", "Check", "Recheck", 0, "amount >= 0"),
        branch("again", "Check", "Recheck", 1, "amount < 0"),
        branch("exit", "Recheck", "COMPLETE", 0, "amount > 5 and amount < 3"),
        branch("back", "Recheck", "Check", 1, null),
      ],
    };
    expect(codes(flow)).toEqual([
      ["DEAD_BRANCH", "warning", "branches[3].condition"],
      ["LOOP_WITHOUT_EXIT", "error", "levels[1]"],
    ]);
  });

  it("flags a level only dead branches lead to", () => {
    const flow: TFlowDefinition = {
      schemaVersion: 1,
      levels: [level("Start", 1, { taskVersionIds: [IDS.expenseForm], allowedActions: ["submit"] }), level("Big", 2), level("Huge", 3)],
      branches: [branch("big", "Start", "Big", 0, "amount >= 1000"), branch("huge", "Start", "Huge", 1, "amount >= 5000"), branch("rest", "Start", "COMPLETE", 2, null), branch("big-done", "Big", "COMPLETE", 0, null)],
    };
    expect(codes(flow)).toEqual([
      ["DEAD_BRANCH", "warning", "branches[1].condition"],
      ["UNREACHABLE_LEVEL", "error", "levels[2]"],
    ]);
  });
});

describe("reads", () => {
  it("gives a route on which the field read was never filled", () => {
    const flow: TFlowDefinition = {
      schemaVersion: 1,
      levels: [level("Manager", 1), level("Expense", 2, { taskVersionIds: [IDS.expenseForm], allowedActions: ["submit"] }), level("Finance", 3)],
      branches: [branch("skip", "Manager", "Finance", 0, null), branch("to-finance", "Expense", "Finance", 0, null), branch("big", "Finance", "COMPLETE", 0, "amount > 10"), branch("other", "Finance", "COMPLETE", 1, null)],
    };
    const problem = check(flow).find((p) => p.code === "FIELD_NOT_AVAILABLE");
    expect(problem).toMatchObject({ severity: "error", counterExample: 'via Manager → Finance the field "amount" is never filled' });
  });

  it("warns when a condition reads a field the form may hide, unless it handles the empty case", () => {
    const reads = updateBranch(DEMO_FLOW, "b-finance", { condition: "receipt > 100" });
    expect(check(reads)).toEqual([expect.objectContaining({ code: "FIELD_MAYBE_HIDDEN", severity: "warning", path: "branches[1].condition", counterExample: "Receipt is hidden and empty unless Has receipt" })]);
    expect(check(updateBranch(DEMO_FLOW, "b-finance", { condition: "is_not_empty(receipt) and receipt > 100" }))).toEqual([]);
  });
});
