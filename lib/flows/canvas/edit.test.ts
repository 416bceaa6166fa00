import { describe, expect, it } from "vitest";
import { ZFlowDefinition } from "@/lib/flows/definition";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { EMPTY_FLOW } from "@/lib/flows/editor/schema";
import { addLevel, newLevel } from "@/lib/flows/editor/operations";
import { connect, deleteElements, isValidConnection, reconnect, setStartLevel } from "./edit";
import { COMPLETE_NODE, levelsInOrder, REJECT_NODE, START_EDGE, START_NODE } from "./graph";

const valid = (definition: unknown) => expect(ZFlowDefinition.safeParse(definition).success).toBe(true);
const names = (definition: typeof DEMO_FLOW) => levelsInOrder(definition).map((level) => `${level.order}:${level.name}`);

describe("canvas gestures → flow model", () => {
  it("a connection from a level without a default adds its default; the next one a conditional branch", () => {
    const a = newLevel({ name: "A" });
    const b = newLevel({ name: "B" });
    const start = addLevel(addLevel(EMPTY_FLOW, a), b);
    const first = connect(start, { source: a.id, target: b.id });
    expect(first.definition.branches).toEqual([expect.objectContaining({ id: first.branchId, fromLevelId: a.id, target: "LEVEL", toLevelId: b.id, isDefault: true, condition: null, priority: 0 })]);
    const second = connect(first.definition, { source: a.id, target: REJECT_NODE });
    expect(second.definition.branches[1]).toMatchObject({ target: "REJECT", toLevelId: null, isDefault: false, condition: "", priority: 1 });
    valid(first.definition);
  });

  it("refuses connections into Start, out of an end, or to unknown nodes", () => {
    expect(isValidConnection(DEMO_FLOW, { source: IDS.manager, target: START_NODE })).toBe(false);
    expect(isValidConnection(DEMO_FLOW, { source: COMPLETE_NODE, target: IDS.manager })).toBe(false);
    expect(isValidConnection(DEMO_FLOW, { source: START_NODE, target: COMPLETE_NODE })).toBe(false);
    expect(connect(DEMO_FLOW, { source: IDS.manager, target: "nowhere" })).toEqual({ definition: DEMO_FLOW, branchId: null });
  });

  it("pointing Start at a level makes it first and renumbers the orders 1..n", () => {
    const moved = connect(DEMO_FLOW, { source: START_NODE, target: IDS.finance }).definition;
    expect(names(moved)).toEqual(["1:Finance Approval", "2:Employee Submission", "3:Manager Review"]);
    expect(reconnect(DEMO_FLOW, START_EDGE, { source: START_NODE, target: IDS.manager })).toEqual(setStartLevel(DEMO_FLOW, IDS.manager));
    expect(moved.levels.map((level) => level.id)).toEqual(DEMO_FLOW.levels.map((level) => level.id));
    valid(moved);
  });

  it("dragging a branch's end retargets it (to a level or an end), keeping priorities distinct", () => {
    const toReject = reconnect(DEMO_FLOW, "b-finance", { source: IDS.manager, target: REJECT_NODE });
    expect(toReject.branches.find((branch) => branch.id === "b-finance")).toMatchObject({ target: "REJECT", toLevelId: null });
    const moved = reconnect(DEMO_FLOW, "b-finance", { source: IDS.finance, target: IDS.manager });
    expect(moved.branches.find((branch) => branch.id === "b-finance")).toMatchObject({ fromLevelId: IDS.finance, toLevelId: IDS.manager, priority: 1 });
    valid(moved);
  });

  it("deletes levels with their branches and single branches; Start and the ends cannot be deleted", () => {
    const next = deleteElements(DEMO_FLOW, { nodeIds: [IDS.manager, START_NODE, COMPLETE_NODE], edgeIds: ["b-approved", START_EDGE] });
    expect(names(next)).toEqual(["1:Employee Submission", "2:Finance Approval"]);
    expect(next.branches).toEqual([]);
    valid(next);
  });
});
