import { describe, expect, it } from "vitest";
import { t } from "@/lib/expressions/types";
import { DEMO_FLOW, EXPENSE_FIELDS, IDS } from "@/lib/flows/engine/test-fixtures";
import { checkOptionsFor, conditionFieldsAt } from "./fields";
import { updateBranch, updateLevel } from "./operations";
import { checkDraft, problemPath, problemTarget } from "./problems";

const forms = new Map([[IDS.expenseForm, { fields: EXPENSE_FIELDS }]]);

describe("located publish problems", () => {
  it("finds nothing wrong with the demo flow when its form's fields are known", () => {
    expect(checkDraft(DEMO_FLOW, checkOptionsFor(DEMO_FLOW, forms))).toEqual([]);
  });

  it("points each problem at the level setting or branch field it concerns", () => {
    let broken = updateLevel(DEMO_FLOW, IDS.finance, { assignees: [] });
    broken = updateBranch(broken, "b-finance", { condition: "amount >= \"x\"" });
    const problems = checkDraft(broken, checkOptionsFor(broken, forms));
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ["NO_ASSIGNEE", "levels[2].assignees"],
      ["CONDITION_INVALID", "branches[1].condition"],
    ]);
  });

  it("reports a field no earlier form fills as not available, on the condition", () => {
    const broken = updateBranch(DEMO_FLOW, "b-finance", { condition: "total > 5" });
    const [problem] = checkDraft(broken, checkOptionsFor(broken, forms));
    expect(problem).toMatchObject({ code: "FIELD_NOT_AVAILABLE", path: "branches[1].condition" });
  });

  it("locates level-wide problems on the level and flow-wide ones nowhere", () => {
    expect(problemPath(DEMO_FLOW, { code: "UNREACHABLE_LEVEL", message: "", levelId: IDS.finance })).toBe("levels[2]");
    expect(problemPath(DEMO_FLOW, { code: "NO_START_LEVEL", message: "" })).toBe("");
  });

  it("offers a condition the fields filled up to its level plus the initiator's attributes", () => {
    const env = conditionFieldsAt(DEMO_FLOW, IDS.manager, forms);
    expect(env.amount).toEqual(t.number);
    expect(env["initiator.departmentId"]).toEqual(t.string);
    // The submission level's own branch may read what it fills; nothing is known before the start.
    expect(conditionFieldsAt(DEMO_FLOW, IDS.submission, new Map()).amount).toBeUndefined();
  });
});

describe("problemTarget", () => {
  it("names the level or branch a path points at, and the setting", () => {
    const definition = { schemaVersion: 1, levels: [{ id: "L1" }, { id: "L2" }], branches: [{ id: "B1" }] } as unknown as Parameters<typeof problemTarget>[0];
    expect(problemTarget(definition, "levels[1].assignees")).toEqual({ kind: "level", id: "L2", field: "assignees" });
    expect(problemTarget(definition, "branches[0]")).toEqual({ kind: "branch", id: "B1", field: null });
    expect(problemTarget(definition, "branches[3].condition")).toBeNull();
    expect(problemTarget(definition, "")).toBeNull();
  });
});
