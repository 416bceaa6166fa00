import { describe, expect, it } from "vitest";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { diffFlows, isEmptyDiff } from "./diff";
import { addBranch, addLevel, newBranch, newLevel, removeLevel, updateBranch, updateLevel } from "./operations";

// A published version copied into a new draft: same content, every id new.
function copyWithNewIds(definition: TFlowDefinition): TFlowDefinition {
  const id = (old: string) => `copy-${old}`;
  return {
    ...definition,
    levels: definition.levels.map((level) => ({ ...level, id: id(level.id) })),
    branches: definition.branches.map((branch) => ({ ...branch, id: id(branch.id), fromLevelId: id(branch.fromLevelId), toLevelId: branch.toLevelId && id(branch.toLevelId) })),
  };
}

describe("flow version diff", () => {
  it("sees no difference between a version and its copy with new ids", () => {
    expect(isEmptyDiff(diffFlows(DEMO_FLOW, copyWithNewIds(DEMO_FLOW)))).toBe(true);
  });

  it("lists added and removed levels, and branches that went with them", () => {
    const withLegal = addLevel(DEMO_FLOW, newLevel({ name: "Legal review", assignees: [{ kind: "INITIATOR_MANAGER" }] }));
    const after = removeLevel(withLegal, IDS.finance);
    const copy = copyWithNewIds(after);
    const diff = diffFlows(DEMO_FLOW, copy);
    const legal = copy.levels.find((level) => level.name === "Legal review")!;
    expect(diff.levels.added).toEqual([{ id: legal.id, label: "Legal review" }]);
    expect(diff.levels.removed).toEqual([{ id: IDS.finance, label: "Finance Approval" }]);
    expect(diff.branches.removed).toEqual([
      { id: "b-finance", label: "Manager Review → Finance Approval when amount >= 1000" },
      { id: "b-approved", label: "Finance Approval → Complete (default)" },
    ]);
  });

  it("describes changed settings old → new, renames by position, and changed conditions", () => {
    let after = updateLevel(DEMO_FLOW, IDS.manager, { name: "Line manager", approvalMode: "ALL", dueInHours: 24 });
    after = updateBranch(after, "b-finance", { condition: "amount >= 5000" });
    const diff = diffFlows(DEMO_FLOW, copyWithNewIds(after), { assignee: (assignee) => assignee.kind });
    expect(diff.levels.changed).toEqual([
      {
        id: `copy-${IDS.manager}`,
        beforeId: IDS.manager,
        name: "Line manager",
        renamedFrom: "Manager Review",
        changes: [
          { property: "approval mode", before: "any one assignee", after: "all assignees" },
          { property: "due time", before: "48 h", after: "24 h" },
        ],
      },
    ]);
    expect(diff.branches.changed).toEqual([{ id: "copy-b-finance", beforeId: "b-finance", label: "Line manager → Finance Approval when amount >= 5000", changes: [{ property: "condition", before: "amount >= 1000", after: "amount >= 5000" }] }]);
    expect(diff.levels.added).toEqual([]);
  });

  it("lists a new branch as added", () => {
    const branch = newBranch(DEMO_FLOW, IDS.finance, { target: "REJECT", condition: "amount > 100000", isDefault: false });
    const after = addBranch(DEMO_FLOW, branch);
    expect(diffFlows(DEMO_FLOW, after).branches.added).toEqual([{ id: branch.id, label: "Finance Approval → Reject when amount > 100000" }]);
  });
});
