// The flow definition as a canvas graph and back: one node per level plus an explicit Start node and
// two end nodes ("Completed", "Rejected"); one edge per branch (labelled with its priority and its
// condition in words, or "otherwise" on the default), an edge from Start to the first level, and a
// dashed edge where the engine falls back to the next level by order (a level without a default).
// The graph carries the levels and branches themselves, so graph → definition is exact: the canvas
// is a view of the one definition, never a second drawing. Pure and client-safe.
import { inWords } from "@/lib/expressions/in-words";
import { parseExpression } from "@/lib/expressions/api";
import { FLOW_SCHEMA_VERSION, type TFlowBranch, type TFlowDefinition, type TFlowLevel } from "@/lib/flows/definition";
import type { TPoint } from "./layout";

export const START_NODE = "start";
export const COMPLETE_NODE = "end:complete";
export const REJECT_NODE = "end:reject";
export const START_EDGE = "start-edge";
export const FIXED_NODES = [START_NODE, COMPLETE_NODE, REJECT_NODE] as const;

export type CanvasNode =
  | { id: string; kind: "level"; level: TFlowLevel; position: TPoint }
  | { id: string; kind: "start" | "complete" | "reject"; position: TPoint };

export type CanvasEdge =
  | { id: string; kind: "branch"; source: string; target: string; label: string; branch: TFlowBranch }
  | { id: string; kind: "start" | "fallback"; source: string; target: string; label: string };

export type CanvasGraph = { nodes: CanvasNode[]; edges: CanvasEdge[] };

/** The canvas node a branch goes to. */
export const targetNodeOf = (branch: Pick<TFlowBranch, "target" | "toLevelId">): string =>
  branch.target === "LEVEL" ? (branch.toLevelId ?? COMPLETE_NODE) : branch.target === "REJECT" ? REJECT_NODE : COMPLETE_NODE;

/** Levels by order (the engine's order: the lowest starts the flow). */
export const levelsInOrder = (definition: TFlowDefinition): TFlowLevel[] => [...definition.levels].sort((a, b) => a.order - b.order);

/** Every node id the canvas of `definition` has. */
export const canvasNodeIds = (definition: TFlowDefinition): string[] => [...FIXED_NODES, ...definition.levels.map((level) => level.id)];

/** A condition in words ("Amount is at least 1,000"), or its source when it does not parse. */
export function conditionInWords(source: string | null, labels: Readonly<Record<string, string>> = {}): string {
  if (source === null || source.trim() === "") return "";
  const parsed = parseExpression(source);
  return parsed.ok ? inWords(parsed.ast, { label: (path) => labels[path] }) : source;
}

/** An edge's label: "otherwise" for the default, else "#priority · condition in words". */
export function branchLabel(branch: TFlowBranch, labels: Readonly<Record<string, string>> = {}): string {
  const name = branch.name.trim() ? `${branch.name.trim()}: ` : "";
  if (branch.isDefault) return `${name}otherwise`;
  const words = conditionInWords(branch.condition, labels);
  return `#${branch.priority} · ${name}${words || "(no condition yet)"}`;
}

/** The canvas of a definition; `positionOf` places each node (see resolvePositions). */
export function definitionToCanvas(definition: TFlowDefinition, positionOf: (nodeId: string) => TPoint, labels: Readonly<Record<string, string>> = {}): CanvasGraph {
  const nodes: CanvasNode[] = [
    { id: START_NODE, kind: "start", position: positionOf(START_NODE) },
    ...definition.levels.map((level): CanvasNode => ({ id: level.id, kind: "level", level, position: positionOf(level.id) })),
    { id: COMPLETE_NODE, kind: "complete", position: positionOf(COMPLETE_NODE) },
    { id: REJECT_NODE, kind: "reject", position: positionOf(REJECT_NODE) },
  ];
  const ordered = levelsInOrder(definition);
  const edges: CanvasEdge[] = [];
  if (ordered[0]) edges.push({ id: START_EDGE, kind: "start", source: START_NODE, target: ordered[0].id, label: "" });
  for (const branch of definition.branches) {
    edges.push({ id: branch.id, kind: "branch", source: branch.fromLevelId, target: targetNodeOf(branch), label: branchLabel(branch, labels), branch });
  }
  ordered.forEach((level, index) => {
    if (definition.branches.some((branch) => branch.fromLevelId === level.id && branch.isDefault)) return;
    const next = ordered[index + 1];
    const hasOthers = definition.branches.some((branch) => branch.fromLevelId === level.id);
    edges.push({ id: `fallback:${level.id}`, kind: "fallback", source: level.id, target: next ? next.id : COMPLETE_NODE, label: hasOthers ? "otherwise (next level)" : "next level" });
  });
  return { nodes, edges };
}

/** The definition a canvas graph shows: its levels (node order) and branches (edge order). */
export function canvasToDefinition(graph: CanvasGraph): TFlowDefinition {
  const levels = graph.nodes.flatMap((node) => (node.kind === "level" ? [node.level] : []));
  const branches = graph.edges.flatMap((edge) => (edge.kind === "branch" ? [edge.branch] : []));
  return { schemaVersion: FLOW_SCHEMA_VERSION, levels, branches };
}

/** Node positions of a graph, as the layout stores them. */
export function positionsOf(graph: CanvasGraph): Record<string, TPoint> {
  return Object.fromEntries(graph.nodes.map((node) => [node.id, node.position]));
}
