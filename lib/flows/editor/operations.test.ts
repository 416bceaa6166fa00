import { describe, expect, it } from "vitest";
import { ZFlowDefinition } from "@/lib/flows/definition";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { EMPTY_FLOW } from "./schema";
import { addBranch, addLevel, moveLevel, newBranch, newLevel, removeBranch, removeLevel, updateBranch, updateLevel } from "./operations";

const orders = (definition: typeof DEMO_FLOW) => [...definition.levels].sort((a, b) => a.order - b.order).map((level) => `${level.order}:${level.name}`);

describe("flow editing operations", () => {
  it("adds levels at the end or after a given level, renumbering 1..n", () => {
    const one = addLevel(EMPTY_FLOW, newLevel({ name: "A" }));
    const two = addLevel(one, newLevel({ name: "B" }));
    const three = addLevel(two, newLevel({ name: "Between" }), one.levels[0]!.id);
    expect(orders(three)).toEqual(["1:A", "2:Between", "3:B"]);
    expect(ZFlowDefinition.safeParse(three).success).toBe(true);
  });

  it("moves a level up and down and ignores moves past either end", () => {
    const moved = moveLevel(DEMO_FLOW, IDS.finance, -1);
    expect(orders(moved)).toEqual(["1:Employee Submission", "2:Finance Approval", "3:Manager Review"]);
    expect(moveLevel(DEMO_FLOW, IDS.submission, -1)).toBe(DEMO_FLOW);
    expect(moveLevel(DEMO_FLOW, IDS.finance, 1)).toBe(DEMO_FLOW);
  });

  it("removes a level with every branch from or to it, keeping the definition valid", () => {
    const removed = removeLevel(DEMO_FLOW, IDS.manager);
    expect(orders(removed)).toEqual(["1:Employee Submission", "2:Finance Approval"]);
    expect(removed.branches.map((branch) => branch.name)).toEqual(["Approved"]);
    expect(ZFlowDefinition.safeParse(removed).success).toBe(true);
  });

  it("creates a branch that is valid as made: the default first, then conditional ones with a free priority", () => {
    let definition = addLevel(addLevel(EMPTY_FLOW, newLevel({ name: "A" })), newLevel({ name: "B" }));
    const [a, b] = definition.levels;
    const first = newBranch(definition, a!.id);
    expect(first).toMatchObject({ isDefault: true, condition: null, target: "LEVEL", toLevelId: b!.id, priority: 0 });
    definition = addBranch(definition, first);
    const second = newBranch(definition, a!.id);
    expect(second).toMatchObject({ isDefault: false, condition: "", priority: 1 });
    expect(newBranch(definition, b!.id)).toMatchObject({ target: "COMPLETE", toLevelId: null });
    expect(removeBranch(addBranch(definition, second), second.id).branches).toHaveLength(1);
  });

  it("keeps one default per level and clears the level of a branch that ends the flow", () => {
    const small = DEMO_FLOW.branches.find((branch) => branch.id === "b-small")!;
    const finance = DEMO_FLOW.branches.find((branch) => branch.id === "b-finance")!;
    const swapped = updateBranch(DEMO_FLOW, finance.id, { isDefault: true });
    expect(swapped.branches.find((branch) => branch.id === finance.id)).toMatchObject({ isDefault: true, condition: null });
    expect(swapped.branches.find((branch) => branch.id === small.id)).toMatchObject({ isDefault: false, condition: "" });
    const ended = updateBranch(DEMO_FLOW, finance.id, { target: "REJECT" });
    expect(ended.branches.find((branch) => branch.id === finance.id)).toMatchObject({ target: "REJECT", toLevelId: null });
    expect(ZFlowDefinition.safeParse(ended).success).toBe(true);
  });

  it("takes a free priority when a branch moves to another level", () => {
    const moved = updateBranch(DEMO_FLOW, "b-approved", { fromLevelId: IDS.manager, isDefault: false, condition: "true" });
    expect(moved.branches.find((branch) => branch.id === "b-approved")!.priority).toBe(2);
    expect(ZFlowDefinition.safeParse(moved).success).toBe(true);
  });

  it("updates level settings without touching id or order", () => {
    const updated = updateLevel(DEMO_FLOW, IDS.finance, { name: "Finance", approvalMode: "AT_LEAST", requiredApprovals: 2 });
    expect(updated.levels.find((level) => level.id === IDS.finance)).toMatchObject({ name: "Finance", order: 3, approvalMode: "AT_LEAST", requiredApprovals: 2 });
  });
});
