import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowDefinition } from "@/lib/flows/engine/test-arbitraries";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { autoLayout, placeNewLevel, resolvePositions } from "./auto-layout";
import { canvasNodeIds, canvasToDefinition, COMPLETE_NODE, definitionToCanvas, positionsOf, REJECT_NODE, START_EDGE, START_NODE } from "./graph";
import { readLayout } from "./layout";

const origin = () => ({ x: 0, y: 0 });

describe("canvas ↔ flow model", () => {
  it("model → canvas → model is the identity (any valid definition)", () => {
    fc.assert(
      fc.property(flowDefinition, (definition) => {
        expect(canvasToDefinition(definitionToCanvas(definition, origin))).toEqual(definition);
      }),
      { numRuns: 300 },
    );
  });

  it("positions → layout → positions round-trip, and every node of the canvas is placed", () => {
    fc.assert(
      fc.property(flowDefinition, (definition) => {
        const positions = resolvePositions(definition, { nodes: {} });
        expect(Object.keys(positions).sort()).toEqual(canvasNodeIds(definition).sort());
        const graph = definitionToCanvas(definition, (id) => positions[id]!);
        expect(positionsOf(graph)).toEqual(positions);
        expect(resolvePositions(definition, readLayout({ nodes: positionsOf(graph) }, canvasNodeIds(definition)))).toEqual(positions);
      }),
      { numRuns: 50 },
    );
  });

  it("draws Start → first level, an edge per branch with its priority and condition in words, and the ends", () => {
    const graph = definitionToCanvas(DEMO_FLOW, origin, { amount: "Amount" });
    expect(graph.nodes.map((node) => node.kind)).toEqual(["start", "level", "level", "level", "complete", "reject"]);
    const edge = (id: string) => graph.edges.find((candidate) => candidate.id === id)!;
    expect(edge(START_EDGE)).toMatchObject({ source: START_NODE, target: IDS.submission });
    expect(edge("b-finance")).toMatchObject({ source: IDS.manager, target: IDS.finance, label: "#0 · Finance review (≥ 1,000): Amount is at least 1,000" });
    expect(edge("b-small")).toMatchObject({ target: COMPLETE_NODE, label: "Under 1,000: done: otherwise" });
    expect(graph.edges.filter((candidate) => candidate.kind === "fallback")).toEqual([]);
  });

  it("draws the engine's fallback to the next level (or the end) where a level has no default", () => {
    const noDefaults = { ...DEMO_FLOW, branches: DEMO_FLOW.branches.filter((branch) => !branch.isDefault) };
    const fallbacks = definitionToCanvas(noDefaults, origin).edges.filter((edge) => edge.kind === "fallback");
    expect(fallbacks.map((edge) => [edge.source, edge.target, edge.label])).toEqual([
      [IDS.submission, IDS.manager, "next level"],
      [IDS.manager, IDS.finance, "otherwise (next level)"],
      [IDS.finance, COMPLETE_NODE, "next level"],
    ]);
  });
});

describe("layout", () => {
  it("drops unknown node ids and ignores an invalid layout", () => {
    const ids = canvasNodeIds(DEMO_FLOW);
    expect(readLayout({ nodes: { [IDS.manager]: { x: 1, y: 2 }, gone: { x: 0, y: 0 } }, viewport: { x: 0, y: 0, zoom: 1 } }, ids)).toEqual({ nodes: { [IDS.manager]: { x: 1, y: 2 } }, viewport: { x: 0, y: 0, zoom: 1 } });
    expect(readLayout({ nodes: { [IDS.manager]: { x: "1", y: 2 } } }, ids)).toEqual({ nodes: {} });
    expect(readLayout({ nodes: {}, viewport: { x: 0, y: 0, zoom: 99 } }, ids)).toEqual({ nodes: {} });
    expect(readLayout(null, ids)).toEqual({ nodes: {} });
  });

  it("keeps saved positions and auto-places only the levels without one", () => {
    const positions = resolvePositions(DEMO_FLOW, { nodes: { [IDS.manager]: { x: 999, y: 999 } } });
    expect(positions[IDS.manager]).toEqual({ x: 999, y: 999 });
    // The others keep their dagre places relative to the one saved node.
    const auto = autoLayout(DEMO_FLOW);
    expect(positions[IDS.finance]!.x - positions[IDS.manager]!.x).toBe(auto[IDS.finance]!.x - auto[IDS.manager]!.x);
    expect(positions[IDS.finance]!.y - positions[IDS.manager]!.y).toBe(auto[IDS.finance]!.y - auto[IDS.manager]!.y);
  });

  it("auto-layout puts Start above the first level and levels in rank order without overlaps", () => {
    const at = autoLayout(DEMO_FLOW);
    expect(at[START_NODE]!.y).toBeLessThan(at[IDS.submission]!.y);
    expect(at[IDS.submission]!.y).toBeLessThan(at[IDS.manager]!.y);
    expect(at[IDS.manager]!.y).toBeLessThan(at[IDS.finance]!.y);
    expect(at[REJECT_NODE]).toBeDefined();
  });

  it("places a level added without a drop point: auto-layout on an empty flow, else below everything", () => {
    const only = { ...DEMO_FLOW, levels: DEMO_FLOW.levels.filter((level) => level.id === IDS.manager), branches: [] };
    expect(placeNewLevel(only, {}, IDS.manager)).toEqual(autoLayout(only));
    const positions = resolvePositions(DEMO_FLOW, { nodes: {} });
    const withoutFinance = Object.fromEntries(Object.entries(positions).filter(([id]) => id !== IDS.finance));
    const placed = placeNewLevel(DEMO_FLOW, withoutFinance, IDS.finance)[IDS.finance]!;
    expect(placed.y).toBeGreaterThan(Math.max(...Object.values(withoutFinance).map((at) => at.y)));
  });
});
