import { describe, expect, it } from "vitest";
import { t } from "@/lib/expressions/types";
import { availableFields, checkFlow, toFlowDefinition, ZFlowDefinition, type FlowProblem, type TFlowBranch, type TFlowDefinition, type TFlowLevel } from "./definition";
import { DEMO_FLOW, DEMO_ROWS, EXPENSE_FIELDS, IDS } from "./engine/test-fixtures";

const level = (id: string, order: number, patch: Partial<TFlowLevel> = {}): TFlowLevel => ({
  id,
  name: id.toUpperCase(),
  order,
  approvalMode: "ANY",
  requiredApprovals: 1,
  allowedActions: ["approve", "reject"],
  allowSelfApproval: false,
  assignees: [{ kind: "ROLE", roleId: "r1" }],
  taskVersionIds: [],
  ...patch,
});
let branchCount = 0;
const branch = (fromLevelId: string, to: string | "COMPLETE" | "REJECT", patch: Partial<TFlowBranch> = {}): TFlowBranch => ({
  id: `b${++branchCount}`,
  name: `${fromLevelId} → ${to}`,
  fromLevelId,
  target: to === "COMPLETE" || to === "REJECT" ? to : "LEVEL",
  toLevelId: to === "COMPLETE" || to === "REJECT" ? null : to,
  condition: null,
  isDefault: true,
  priority: 0,
  ...patch,
});
const flow = (levels: TFlowLevel[], branches: TFlowBranch[] = []): TFlowDefinition => ({ schemaVersion: 1, levels, branches });
const codes = (problems: FlowProblem[]) => problems.map((problem) => problem.code);
const demoFields = { fieldsAt: { [IDS.submission]: EXPENSE_FIELDS } };

describe("toFlowDefinition", () => {
  it("maps the seed's rows, config included", () => {
    expect(DEMO_FLOW.levels[1]).toEqual({
      id: IDS.manager,
      name: "Manager Review",
      order: 2,
      approvalMode: "ANY",
      requiredApprovals: 1,
      allowedActions: ["approve", "reject", "send_back"],
      allowSelfApproval: false,
      dueInHours: 48,
      assignees: [{ kind: "ROLE", roleId: IDS.managerRole }, { kind: "INITIATOR_MANAGER" }],
      taskVersionIds: [],
    });
    expect(DEMO_FLOW.levels[0]).toMatchObject({ assignees: [{ kind: "INITIATOR" }], taskVersionIds: [IDS.expenseForm], allowedActions: ["submit"] });
    expect(DEMO_FLOW.branches.map((b) => [b.id, b.fromLevelId, b.target, b.toLevelId, b.condition, b.isDefault, b.priority])).toEqual([
      ["b-to-manager", IDS.submission, "LEVEL", IDS.manager, null, true, 0],
      ["b-finance", IDS.manager, "LEVEL", IDS.finance, "amount >= 1000", false, 0],
      ["b-small", IDS.manager, "COMPLETE", null, null, true, 1],
      ["b-approved", IDS.finance, "COMPLETE", null, null, true, 0],
    ]);
  });

  it("defaults actions by whether the level has a form, orders tasks, and reads rule-group conditions", () => {
    const rows = structuredClone(DEMO_ROWS) as typeof DEMO_ROWS & { levels: { config: unknown; tasks: { taskVersionId: string; order: number }[] }[] };
    rows.levels[0].config = {};
    rows.levels[0].tasks = [{ taskVersionId: "second", order: 2 }, { taskVersionId: "first", order: 1 }];
    rows.levels[2].config = { escalation: { to: "initiator_manager" }, dueInHours: 4, unrelated: true };
    (rows.levels[1].outgoingBranches[0] as { condition: unknown }).condition = { combinator: "and", rules: [{ field: "amount", operator: "greater_or_equal", value: 1000 }] };
    const mapped = toFlowDefinition(rows);
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
    expect(mapped.definition.levels[0]).toMatchObject({ allowedActions: ["submit"], taskVersionIds: ["first", "second"] });
    expect(mapped.definition.levels[2]).toMatchObject({ allowedActions: ["approve", "reject"], escalation: { to: "initiator_manager" }, dueInHours: 4 });
    expect(mapped.definition.levels[2]).not.toHaveProperty("unrelated");
    expect(mapped.definition.branches[1].condition).toBe("amount >= 1000");
  });

  it("reports stored rows that break the schema as problems", () => {
    const rows = structuredClone(DEMO_ROWS) as unknown as { levels: { config: unknown; outgoingBranches: { condition: unknown; priority: number }[] }[] };
    rows.levels[1].config = { allowedActions: ["fly"] };
    rows.levels[2].outgoingBranches[0].condition = 42;
    const mapped = toFlowDefinition(rows as unknown as typeof DEMO_ROWS);
    expect(!mapped.ok && mapped.problems.map((problem) => [problem.code, problem.levelId, problem.branchId])).toEqual([
      ["INVALID_DEFINITION", IDS.manager, undefined],
      ["INVALID_DEFINITION", IDS.finance, "b-approved"],
    ]);
    const clash = structuredClone(DEMO_ROWS) as unknown as { levels: { outgoingBranches: { priority: number }[] }[] };
    clash.levels[1].outgoingBranches[1].priority = 0;
    const clashing = toFlowDefinition(clash as unknown as typeof DEMO_ROWS);
    expect(!clashing.ok && clashing.problems).toEqual([
      { code: "DUPLICATE_PRIORITY", message: 'Two branches from one level have priority 0 ("Under 1,000: done")', branchId: "b-small" },
    ]);
  });
});

describe("ZFlowDefinition invariants", () => {
  const parseCodes = (input: unknown) => {
    const parsed = ZFlowDefinition.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => (issue.code === "custom" ? (issue.params as { code?: string } | undefined)?.code : undefined) ?? issue.code);
  };

  it("accepts the demo flow", () => {
    expect(parseCodes(DEMO_FLOW)).toEqual([]);
  });

  it("names each broken invariant", () => {
    const a = level("a", 1);
    expect(parseCodes(flow([a, level("a", 2)]))).toEqual(["DUPLICATE_LEVEL_ID"]);
    expect(parseCodes(flow([a, level("b", 1)]))).toEqual(["DUPLICATE_ORDER"]);
    expect(parseCodes(flow([level("a", 1, { allowedActions: ["approve", "approve"] })]))).toEqual(["DUPLICATE_ACTION"]);
    expect(parseCodes(flow([a], [branch("a", "COMPLETE", { id: "x" }), branch("a", "REJECT", { id: "x", isDefault: false, condition: "true", priority: 1 })]))).toEqual(["DUPLICATE_BRANCH_ID"]);
    expect(parseCodes(flow([a], [branch("ghost", "COMPLETE")]))).toEqual(["UNKNOWN_LEVEL"]);
    expect(parseCodes(flow([a], [branch("a", "ghost")]))).toEqual(["UNKNOWN_LEVEL"]);
    expect(parseCodes(flow([a], [branch("a", "COMPLETE", { toLevelId: "a" })]))).toEqual(["TARGET_MISMATCH"]);
    expect(parseCodes(flow([a], [branch("a", "a", { toLevelId: null })]))).toEqual(["TARGET_MISMATCH"]);
    expect(parseCodes(flow([a], [branch("a", "COMPLETE"), branch("a", "REJECT", { priority: 1 })]))).toEqual(["MULTIPLE_DEFAULTS"]);
    expect(parseCodes(flow([a], [branch("a", "COMPLETE", { condition: "true" })]))).toEqual(["DEFAULT_WITH_CONDITION"]);
    expect(parseCodes(flow([a], [branch("a", "COMPLETE", { isDefault: false, condition: " " })]))).toEqual(["CONDITION_MISSING"]);
    expect(parseCodes(flow([a], [branch("a", "COMPLETE", { isDefault: false, condition: "true" }), branch("a", "REJECT")]))).toEqual(["DUPLICATE_PRIORITY"]);
    expect(parseCodes({ ...flow([a]), schemaVersion: 2 })).toEqual(["invalid_value"]);
  });
});

describe("checkFlow", () => {
  it("passes the seed's expense flow", () => {
    expect(checkFlow(DEMO_FLOW, demoFields)).toEqual([]);
  });

  it("reports structural problems from the schema with their ids", () => {
    const problems = checkFlow(flow([level("a", 1)], [branch("a", "COMPLETE", { id: "x1", isDefault: false, condition: "true" }), branch("a", "REJECT", { id: "x2" })]));
    expect(problems).toEqual([{ code: "DUPLICATE_PRIORITY", message: 'Two branches from one level have priority 0 ("a → REJECT")', branchId: "x2" }]);
    expect(codes(checkFlow({ schemaVersion: 1, levels: "nope" }))).toEqual(["INVALID_DEFINITION", "INVALID_DEFINITION"]);
  });

  it("needs a start level", () => {
    expect(codes(checkFlow(flow([])))).toEqual(["NO_START_LEVEL"]);
  });

  it("finds a level no path reaches", () => {
    const problems = checkFlow(flow([level("a", 1), level("b", 2)], [branch("a", "COMPLETE")]));
    expect(problems).toEqual([{ code: "UNREACHABLE_LEVEL", message: 'No path from the start reaches level "B"', levelId: "b" }]);
  });

  it("finds loops with no exit and the levels that can only lead into them", () => {
    const definition = flow([level("a", 1), level("b", 2), level("c", 3)], [branch("a", "b"), branch("b", "c"), branch("c", "b")]);
    expect(checkFlow(definition).map((problem) => [problem.code, problem.levelId])).toEqual([
      ["LOOP_WITHOUT_EXIT", "b"],
      ["NO_PATH_TO_END", "a"],
    ]);
    expect(codes(checkFlow(flow([level("a", 1)], [branch("a", "a")])))).toEqual(["LOOP_WITHOUT_EXIT"]);
    // A loop with a conditional way out is fine, and so is a fall-through past the last level.
    const exits = flow([level("a", 1), level("b", 2)], [branch("b", "COMPLETE", { isDefault: false, condition: "true" }), branch("b", "a", { priority: 1 })]);
    expect(checkFlow(exits)).toEqual([]);
  });

  it("checks branch conditions: parse, type, and fields available on every path", () => {
    const levels = [
      level("a", 1, { taskVersionIds: ["form-a"] }),
      level("x", 2, { taskVersionIds: ["form-x"] }),
      level("y", 3),
      level("z", 4),
    ];
    const fieldsAt = { a: { amount: t.number }, x: { note: t.string }, z: { late: t.boolean } };
    const definition = flow(levels, [
      branch("a", "x", { isDefault: false, condition: "amount > 10" }),
      branch("a", "y", { priority: 1 }),
      branch("x", "z"),
      branch("y", "z"),
      branch("z", "COMPLETE", { id: "ok", isDefault: false, condition: 'amount > 5 and initiator.departmentId == "d1" and "r1" in initiator.roleIds' }),
      branch("z", "REJECT", { id: "only-some-paths", isDefault: false, condition: 'note == "n"', priority: 1 }),
      branch("y", "COMPLETE", { id: "later", isDefault: false, condition: "late", priority: 1 }),
      branch("y", "REJECT", { id: "nowhere", isDefault: false, condition: "ghost > 1", priority: 2 }),
      branch("a", "COMPLETE", { id: "syntax", isDefault: false, condition: "amount >=", priority: 2 }),
      branch("a", "REJECT", { id: "types", isDefault: false, condition: 'amount == "ten"', priority: 3 }),
    ]);
    const problems = checkFlow(definition, { fieldsAt });
    expect(problems.map((problem) => [problem.code, problem.branchId])).toEqual([
      ["FIELD_NOT_AVAILABLE", "only-some-paths"],
      ["FIELD_NOT_AVAILABLE", "later"],
      ["FIELD_NOT_AVAILABLE", "nowhere"],
      ["CONDITION_INVALID", "syntax"],
      ["CONDITION_INVALID", "types"],
    ]);
    expect(problems[0].message).toBe('Branch "z → REJECT" reads "note", which is filled at "X" — not before "Z" on every path');
    expect(problems[2].message).toBe('Branch "y → REJECT" reads "ghost", which no form of this flow fills');
    expect(problems[4].diagnostics?.length).toBeGreaterThan(0);

    const available = availableFields(definition, fieldsAt);
    expect(Object.keys(available.get("z")!).sort()).toEqual(["amount", "late"]);
    expect(Object.keys(available.get("x")!).sort()).toEqual(["amount", "note"]);
  });

  it("accepts fields from the start data, including under an unknown prefix, and a function for fieldsAt", () => {
    const definition = flow([level("a", 1)], [branch("a", "COMPLETE", { isDefault: false, condition: 'payload.kind == "x" and source == "api"' })]);
    expect(checkFlow(definition, { baseEnv: { payload: t.unknown, source: t.string }, fieldsAt: () => undefined })).toEqual([]);
    expect(codes(checkFlow(definition))).toEqual(["FIELD_NOT_AVAILABLE", "FIELD_NOT_AVAILABLE"]);
    expect(checkFlow(DEMO_FLOW, { fieldsAt: (levelId) => (levelId === IDS.submission ? EXPENSE_FIELDS : undefined) })).toEqual([]);
  });

  it("needs an assignee, an action, and a due time for reminders and escalation", () => {
    const problems = checkFlow(
      flow([
        level("a", 1, { assignees: [] }),
        level("b", 2, { allowedActions: [] }),
        level("c", 3, { escalation: { to: "role", roleId: "boss" } }),
        level("d", 4, { reminderBeforeHours: 2, dueInHours: 8, escalation: { to: "initiator_manager" } }),
      ]),
    );
    expect(problems.map((problem) => [problem.code, problem.levelId])).toEqual([
      ["NO_ASSIGNEE", "a"],
      ["NO_ALLOWED_ACTIONS", "b"],
      ["DUE_TIME_MISSING", "c"],
    ]);
  });

  it("reports the seed's condition field as unavailable when no form fields are given", () => {
    expect(checkFlow(DEMO_FLOW).map((problem) => [problem.code, problem.branchId])).toEqual([["FIELD_NOT_AVAILABLE", "b-finance"]]);
  });
});
