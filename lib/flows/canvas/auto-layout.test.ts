import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowDefinition } from "@/lib/flows/engine/test-arbitraries";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { autoLayout, boxesOverlap, resolvePositions, sizeOf } from "./auto-layout";
import { canvasNodeIds, COMPLETE_NODE, REJECT_NODE, START_NODE } from "./graph";
import type { TPoint } from "./layout";

const overlaps = (positions: Record<string, TPoint>) => {
  const ids = Object.keys(positions);
  return ids.flatMap((a, i) => ids.slice(i + 1).filter((b) => boxesOverlap({ ...positions[a]!, ...sizeOf(a) }, { ...positions[b]!, ...sizeOf(b) })).map((b) => [a, b]));
};

describe("placing nodes without a saved position", () => {
  it("a level added in the list view does not land on the levels the designer moved", () => {
    // The designer dragged every node except Finance one rank down, right where dagre puts Finance.
    const auto = autoLayout(DEMO_FLOW);
    const nodes = Object.fromEntries(canvasNodeIds(DEMO_FLOW).filter((id) => id !== IDS.finance).map((id) => [id, id === IDS.manager ? auto[IDS.finance]! : auto[id]!]));
    const positions = resolvePositions(DEMO_FLOW, { nodes });
    expect(overlaps(positions)).toEqual([]);
    for (const [id, at] of Object.entries(nodes)) expect(positions[id]).toEqual(at);
    // The nearest free slot: below or right of where dagre wanted it, not across the canvas.
    expect(positions[IDS.finance]!.y).toBeGreaterThanOrEqual(auto[IDS.finance]!.y);
    expect(positions[IDS.finance]!.x).toBeGreaterThanOrEqual(auto[IDS.finance]!.x);
    expect(positions[IDS.finance]!.y - auto[IDS.finance]!.y).toBeLessThan(400);
  });

  it("never overlaps, whichever nodes are saved and wherever (any valid definition)", () => {
    fc.assert(
      fc.property(flowDefinition, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.integer({ min: -300, max: 300 }), (definition, keep, shift) => {
        // Saved positions: dagre's, some kept (shifted a bit, the way a designer tidies), the rest dropped.
        const auto = autoLayout(definition);
        const ids = canvasNodeIds(definition);
        const saved = Object.fromEntries(ids.flatMap((id, i) => (keep[i % keep.length] ? [[id, { x: auto[id]!.x + (i % 2 ? shift : 0), y: auto[id]!.y }]] : [])));
        if (overlaps(saved).length > 0) return; // the designer's own overlaps are theirs to keep
        const positions = resolvePositions(definition, { nodes: saved });
        expect(Object.keys(positions).sort()).toEqual([...ids].sort());
        expect(overlaps(positions)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("with nothing saved it is dagre's layout", () => {
    expect(resolvePositions(DEMO_FLOW, { nodes: {} })).toEqual(autoLayout(DEMO_FLOW));
    expect(resolvePositions(DEMO_FLOW, { nodes: {} })[START_NODE]).toBeDefined();
  });
});

describe("auto-layout of the end nodes", () => {
  it("puts Rejected at the bottom beside Completed while no branch leads to it", () => {
    const flow = { ...DEMO_FLOW, branches: DEMO_FLOW.branches.filter((branch) => branch.target !== "REJECT") };
    const at = autoLayout(flow);
    expect(at[REJECT_NODE]!.y).toBe(at[COMPLETE_NODE]!.y);
    expect(at[REJECT_NODE]!.y).toBeGreaterThan(at[START_NODE]!.y);
    expect(overlaps(at)).toEqual([]);
  });
});
