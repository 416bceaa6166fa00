// The instance page's small flow diagram as data: a flow version's levels and branches (plus the
// implicit "next level by order" route the engine falls back to) as nodes and edges laid out with
// dagre, the route the instance took highlighted, its current level marked, and the same route as a
// list of words for people who do not see the picture. Pure: React Flow only draws the result.
import dagre from "@dagrejs/dagre";
import type { InstanceStatus } from "@/lib/flows/engine/types";

export type DiagramLevel = { id: string; name: string; order: number };
export type DiagramBranch = { id: string; name: string; fromLevelId: string; target: string; toLevelId: string | null; condition: string | null; isDefault: boolean; priority: number };
export type DiagramInput = {
  levels: readonly DiagramLevel[];
  branches: readonly DiagramBranch[];
  /** The route to the current (or last) level, start first. */
  path: readonly string[];
  currentLevelId: string | null;
  status: InstanceStatus;
};

export type NodeState = "current" | "taken" | "idle";
export type DiagramNode = { id: string; label: string; kind: "level" | "complete" | "reject"; state: NodeState; x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };
export type DiagramEdge = {
  id: string;
  source: string;
  target: string;
  label: string;
  taken: boolean;
  implicit: boolean;
  /** The route dagre laid out (drawn as is, so arrows go around levels, not through them). */
  points: Point[];
  /** Where the label goes: the room dagre kept for it. */
  labelAt: Point | null;
};
export type PathStep = { label: string; state: "done" | "current" | "end" };
export type Diagram = { nodes: DiagramNode[]; edges: DiagramEdge[]; path: PathStep[] };

export const COMPLETE_NODE = "end:complete";
export const REJECT_NODE = "end:reject";
// Top to bottom: the diagram sits in a narrow column (and on phones), where a row would be unreadable.
const NODE_WIDTH = 150;
const NODE_HEIGHT = 40;

const endNodeOf = (target: string) => (target === "REJECT" ? REJECT_NODE : COMPLETE_NODE);
const branchLabel = (branch: DiagramBranch) => (branch.isDefault ? (branch.name ? `${branch.name} (otherwise)` : "otherwise") : branch.name || branch.condition || "");

/** The edges leaving each level: its branches by priority, then the engine's fallback when it has no default. */
function edgesOf(levels: readonly DiagramLevel[], branches: readonly DiagramBranch[]): DiagramEdge[] {
  const byTarget = new Map<string, DiagramEdge>();
  const add = (source: string, target: string, label: string, implicit: boolean) => {
    const key = `${source}->${target}`;
    const existing = byTarget.get(key);
    // Two branches between the same levels share one arrow, with both conditions named.
    if (existing) existing.label = [existing.label, label].filter(Boolean).join(" / ");
    else byTarget.set(key, { id: key, source, target, label, taken: false, implicit, points: [], labelAt: null });
  };
  levels.forEach((level, index) => {
    const own = branches.filter((branch) => branch.fromLevelId === level.id).sort((a, b) => a.priority - b.priority);
    for (const branch of own) add(level.id, branch.target === "LEVEL" && branch.toLevelId ? branch.toLevelId : endNodeOf(branch.target), branchLabel(branch), false);
    if (!own.some((branch) => branch.isDefault)) {
      const next = levels[index + 1];
      add(level.id, next ? next.id : COMPLETE_NODE, own.length > 0 ? "otherwise" : "", true);
    }
  });
  return [...byTarget.values()];
}

/** Maps a flow version and an instance's route onto a laid-out diagram and its text equivalent. */
export function buildDiagram(input: DiagramInput): Diagram {
  const levels = [...input.levels].sort((a, b) => a.order - b.order);
  const edges = edgesOf(levels, input.branches);
  const onPath = new Set(input.path);
  const last = input.path.at(-1) ?? null;
  const taken = new Set<string>();
  for (let i = 1; i < input.path.length; i++) taken.add(`${input.path[i - 1]}->${input.path[i]}`);
  const end = input.status === "COMPLETED" ? COMPLETE_NODE : input.status === "REJECTED" ? REJECT_NODE : null;
  if (end && last) {
    taken.add(`${last}->${end}`);
    // A rejection by decision has no branch arrow: draw the one the instance took.
    if (!edges.some((edge) => edge.id === `${last}->${end}`)) edges.push({ id: `${last}->${end}`, source: last, target: end, label: "rejected", taken: false, implicit: true, points: [], labelAt: null });
  }
  for (const pair of taken) {
    if (!edges.some((edge) => edge.id === pair)) {
      const [source, target] = pair.split("->") as [string, string];
      edges.push({ id: pair, source, target, label: "", taken: false, implicit: true, points: [], labelAt: null });
    }
  }
  for (const edge of edges) edge.taken = taken.has(edge.id);

  const hasReject = edges.some((edge) => edge.target === REJECT_NODE);
  const nodes: Omit<DiagramNode, "x" | "y">[] = [
    ...levels.map((level) => ({
      id: level.id,
      label: level.name,
      kind: "level" as const,
      state: (level.id === input.currentLevelId ? "current" : onPath.has(level.id) ? "taken" : "idle") as NodeState,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    })),
    { id: COMPLETE_NODE, label: "Completed", kind: "complete", state: end === COMPLETE_NODE ? "taken" : "idle", width: 110, height: NODE_HEIGHT },
    ...(hasReject ? [{ id: REJECT_NODE, label: "Rejected", kind: "reject" as const, state: (end === REJECT_NODE ? "taken" : "idle") as NodeState, width: 110, height: NODE_HEIGHT }] : []),
  ];

  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 48, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  // Labels take room in the layout, so an arrow and its words never run under another level.
  for (const edge of edges) graph.setEdge(edge.source, edge.target, edge.label ? { width: Math.min(160, edge.label.length * 5.5), height: 14, labelpos: "c" } : {});
  dagre.layout(graph);
  for (const edge of edges) {
    const laid = graph.edge(edge.source, edge.target) as { points?: Point[]; x?: number; y?: number } | undefined;
    edge.points = (laid?.points ?? []).map((point) => ({ x: Math.round(point.x), y: Math.round(point.y) }));
    edge.labelAt = edge.label && laid?.x !== undefined && laid.y !== undefined ? { x: Math.round(laid.x), y: Math.round(laid.y) } : null;
  }
  // dagre places centres; React Flow places top-left corners.
  const laidOut = nodes.map((node) => {
    const { x, y } = graph.node(node.id);
    return { ...node, x: Math.round(x - node.width / 2), y: Math.round(y - node.height / 2) };
  });

  const names = new Map(levels.map((level) => [level.id, level.name]));
  const path: PathStep[] = input.path.map((id) => ({ label: names.get(id) ?? "A removed level", state: id === input.currentLevelId ? "current" : "done" }));
  if (end) path.push({ label: end === COMPLETE_NODE ? "Completed" : "Rejected", state: "end" });
  else if (input.status === "CANCELLED") path.push({ label: "Cancelled", state: "end" });
  return { nodes: laidOut, edges, path };
}
