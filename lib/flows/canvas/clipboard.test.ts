import { describe, expect, it } from "vitest";
import { ZFlowDefinition } from "@/lib/flows/definition";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { copySelection, pasteClip } from "./clipboard";

describe("copy and paste", () => {
  it("copies levels with the branches among them and pastes them with new ids after the last level", () => {
    const clip = copySelection(DEMO_FLOW, [IDS.finance, IDS.manager], { [IDS.manager]: { x: 10, y: 20 }, [IDS.finance]: { x: 10, y: 200 } })!;
    // b-finance (manager → finance) and both defaults to Completed; not the submission's branch.
    expect(clip.branches.map((branch) => branch.id).sort()).toEqual(["b-approved", "b-finance", "b-small"]);
    const pasted = pasteClip(DEMO_FLOW, clip);
    expect(ZFlowDefinition.safeParse(pasted.definition).success).toBe(true);
    const added = pasted.definition.levels.slice(3);
    expect(added.map((level) => [level.order, level.name])).toEqual([[4, "Manager Review (copy)"], [5, "Finance Approval (copy)"]]);
    expect(added.every((level) => ![IDS.manager, IDS.finance].includes(level.id as never))).toBe(true);
    const copiedFinance = pasted.definition.branches.find((branch) => branch.fromLevelId === added[0]!.id && branch.target === "LEVEL")!;
    expect(copiedFinance).toMatchObject({ toLevelId: added[1]!.id, condition: "amount >= 1000" });
    expect(pasted.positions).toEqual({ [added[0]!.id]: { x: 50, y: 60 }, [added[1]!.id]: { x: 50, y: 240 } });
    expect(pasted.levelIds).toEqual(added.map((level) => level.id));
  });

  it("copies nothing from an empty selection", () => {
    expect(copySelection(DEMO_FLOW, ["end:complete"], {})).toBeNull();
  });
});
