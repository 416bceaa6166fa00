// The React Flow nodes and edges of a canvas graph, memoised per element: an element object is
// reused while what it shows is unchanged, so React Flow re-renders only the nodes and edges an edit
// touched (a flow of 50 levels and 80 branches stays smooth while one node is dragged).
import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { CanvasGraph } from "@/lib/flows/canvas/graph";
import type { BranchEdgeData } from "./branch-edge";
import type { LevelNodeData, Lit, TerminalNodeData } from "./nodes";

export type CanvasHighlight = { levelIds: string[]; branchIds: string[]; currentLevelId: string | null };

export type NodeFacts = {
  summary: (levelId: string) => Pick<LevelNodeData, "assignees" | "forms" | "mode" | "due">;
  problems: ReadonlyMap<string, number>;
  problemBranches: ReadonlySet<string>;
  highlight: CanvasHighlight | null | undefined;
};

type Cache<T> = Map<string, { key: unknown[]; value: T }>;

function cached<T>(cache: Cache<T>, id: string, key: unknown[], make: () => T): T {
  const hit = cache.get(id);
  if (hit && hit.key.length === key.length && hit.key.every((part, index) => Object.is(part, key[index]))) return hit.value;
  const value = make();
  cache.set(id, { key, value });
  return value;
}

const TERMINAL_LABEL = { start: "Start", complete: "End: Completed", reject: "End: Rejected" } as const;

export function createElementCache() {
  const nodes: Cache<Node> = new Map();
  const edges: Cache<Edge> = new Map();

  const toNodes = (graph: CanvasGraph, facts: NodeFacts): Node[] =>
    graph.nodes.map((node) => {
      const lit: Lit = facts.highlight ? (node.id === facts.highlight.currentLevelId ? "current" : facts.highlight.levelIds.includes(node.id) ? "taken" : null) : null;
      if (node.kind !== "level") {
        return cached(nodes, node.id, [node.position, lit], () => ({
          id: node.id,
          type: "terminal",
          position: node.position,
          data: { kind: node.kind, lit } satisfies TerminalNodeData,
          deletable: false,
          ariaLabel: TERMINAL_LABEL[node.kind],
        }));
      }
      const summary = facts.summary(node.id);
      const problems = facts.problems.get(node.id) ?? 0;
      return cached(nodes, node.id, [node.level, node.position, lit, problems, summary.assignees, summary.forms], () => ({
        id: node.id,
        type: "level",
        position: node.position,
        data: { name: node.level.name, order: node.level.order, problems, lit, ...summary } satisfies LevelNodeData,
        ariaLabel: `Level ${node.level.order}: ${node.level.name}`,
      }));
    });

  const toEdges = (graph: CanvasGraph, facts: NodeFacts): Edge[] => {
    const name = new Map(graph.nodes.map((node) => [node.id, node.kind === "level" ? node.level.name : TERMINAL_LABEL[node.kind]]));
    return graph.edges.map((edge) => {
      const lit = edge.kind === "branch" ? Boolean(facts.highlight?.branchIds.includes(edge.id)) : edge.kind === "start" ? Boolean(facts.highlight?.levelIds.includes(edge.target)) : false;
      const problem = edge.kind === "branch" && facts.problemBranches.has(edge.id);
      return cached(edges, edge.id, [edge.source, edge.target, edge.label, lit, problem, name.get(edge.source), name.get(edge.target)], () => {
        const color = lit ? "#2563eb" : problem ? "#dc2626" : edge.kind === "fallback" ? "#94a3b8" : "#475569";
        return {
          id: edge.id,
          type: "branch",
          source: edge.source,
          target: edge.target,
          data: { label: edge.label, kind: edge.kind, lit, problem } satisfies BranchEdgeData,
          deletable: edge.kind === "branch",
          selectable: edge.kind !== "fallback",
          focusable: edge.kind !== "fallback",
          reconnectable: edge.kind === "branch" ? true : edge.kind === "start" ? "target" : false,
          animated: lit,
          style: { stroke: color, strokeWidth: lit ? 3 : edge.kind === "fallback" ? 1.25 : 1.75, strokeDasharray: edge.kind === "fallback" ? "5 4" : undefined },
          markerEnd: { type: MarkerType.ArrowClosed, color },
          zIndex: lit ? 1 : 0,
          ariaLabel:
            edge.kind === "start"
              ? `Start: the flow begins at ${name.get(edge.target)}`
              : `${edge.kind === "fallback" ? "Fallback" : "Branch"} from ${name.get(edge.source)} to ${name.get(edge.target)}${edge.label ? `: ${edge.label}` : ""}`,
        };
      });
    });
  };

  return { toNodes, toEdges };
}
