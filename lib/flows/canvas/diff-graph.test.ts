import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffFlows } from "@/lib/flows/editor/diff";
import { addBranch, addLevel, newBranch, newLevel, removeLevel, updateBranch } from "@/lib/flows/editor/operations";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { flowDefinition } from "@/lib/flows/engine/test-arbitraries";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { resolvePositions } from "./auto-layout";
import { diffGraph, REMOVED_EDGE_PREFIX, type DiffStatus, type DiffStatuses } from "./diff-graph";
import { COMPLETE_NODE, definitionToCanvas } from "./graph";

// A draft made from a published version: same content under new ids (as the service copies it).
function copyWithNewIds(definition: TFlowDefinition): TFlowDefinition {
  const id = (old: string) => `copy-${old}`;
  return {
    ...definition,
    levels: definition.levels.map((level) => ({ ...level, id: id(level.id) })),
    branches: definition.branches.map((branch) => ({ ...branch, id: id(branch.id), fromLevelId: id(branch.fromLevelId), toLevelId: branch.toLevelId && id(branch.toLevelId) })),
  };
}

function countStatuses(status: DiffStatuses): Record<DiffStatus, number> {
  const counts: Record<DiffStatus, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const value of [...Object.values(status.nodes), ...Object.values(status.edges)]) counts[value]++;
  return counts;
}

const side = (definition: TFlowDefinition) => ({ definition, positions: resolvePositions(definition, { nodes: {} }) });
const compare = (before: TFlowDefinition, after: TFlowDefinition) => diffGraph({ before: side(before), after: side(after), diff: diffFlows(before, after) });

describe("the diff drawn on the canvas", () => {
  it("a version against itself (any definition): the newer canvas as it is, everything unchanged", () => {
    fc.assert(
      fc.property(flowDefinition, (definition) => {
        const drawn = side(definition);
        const { graph, status } = diffGraph({ before: drawn, after: drawn, diff: diffFlows(definition, definition) });
        expect(graph).toEqual(definitionToCanvas(definition, (id) => drawn.positions[id]!));
        expect(countStatuses(status)).toEqual({ added: 0, removed: 0, changed: 0, unchanged: graph.nodes.length + graph.edges.length });
      }),
      { numRuns: 40 },
    );
  }, 20_000);

  it("any two definitions: one status per node and edge, unique ids, every edge joins nodes that are drawn", () => {
    fc.assert(
      fc.property(flowDefinition, flowDefinition, (before, after) => {
        const { graph, status } = compare(before, after);
        const nodeIds = graph.nodes.map((node) => node.id);
        const edgeIds = graph.edges.map((edge) => edge.id);
        expect(new Set(nodeIds).size).toBe(nodeIds.length);
        expect(new Set(edgeIds).size).toBe(edgeIds.length);
        expect(Object.keys(status.nodes).sort()).toEqual([...nodeIds].sort());
        expect(Object.keys(status.edges).sort()).toEqual([...edgeIds].sort());
        for (const edge of graph.edges) expect(nodeIds).toEqual(expect.arrayContaining([edge.source, edge.target]));
      }),
      { numRuns: 40 },
    );
  }, 20_000);

  it("a level added at the end with a branch, and a changed condition: green, green, amber; the replaced fallback red", () => {
    const draft = copyWithNewIds(DEMO_FLOW);
    const audit = newLevel({ name: "Audit", assignees: [{ kind: "INITIATOR_MANAGER" }] });
    let after = addLevel(draft, audit);
    after = updateBranch(after, "copy-b-finance", { condition: "amount >= 5000" });
    const toAudit = newBranch(after, "copy-level-finance", { target: "LEVEL", toLevelId: audit.id, condition: "amount > 20000", isDefault: false });
    after = addBranch(after, toAudit);
    const { graph, status } = compare(DEMO_FLOW, after);
    expect(status.nodes[audit.id]).toBe("added");
    expect(status.nodes["copy-level-manager"]).toBe("unchanged");
    expect(status.edges[toAudit.id]).toBe("added");
    expect(status.edges["copy-b-finance"]).toBe("changed");
    // Audit, last by order, falls back to completing the flow: an edge the older version did not have.
    expect(status.edges[`fallback:${audit.id}`]).toBe("added");
    expect(graph.edges.find((edge) => edge.id === `fallback:${audit.id}`)).toMatchObject({ source: audit.id, target: COMPLETE_NODE });
    expect(countStatuses(status).removed).toBe(0);
  });

  it("a removed level stays drawn where it was, in red, with its branches re-attached to the newer levels", () => {
    const before = DEMO_FLOW;
    const after = copyWithNewIds(removeLevel(DEMO_FLOW, IDS.finance));
    const positions = side(before).positions;
    const { graph, status } = diffGraph({ before: side(before), after: side(after), diff: diffFlows(before, after) });
    expect(status.nodes[IDS.finance]).toBe("removed");
    expect(graph.nodes.find((node) => node.id === IDS.finance)?.position).toEqual(positions[IDS.finance]);
    const removedBranch = graph.edges.find((edge) => edge.id === `${REMOVED_EDGE_PREFIX}b-finance`);
    expect(removedBranch).toMatchObject({ source: "copy-level-manager", target: IDS.finance });
    expect(status.edges[`${REMOVED_EDGE_PREFIX}b-finance`]).toBe("removed");
    expect(status.edges[`${REMOVED_EDGE_PREFIX}b-approved`]).toBe("removed");
    expect(status.nodes["copy-level-manager"]).toBe("unchanged");
  });
});
