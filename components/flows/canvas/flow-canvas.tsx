"use client";

import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnMoveEnd,
  type OnSelectionChangeParams,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { isValidConnection, type Connection } from "@/lib/flows/canvas/edit";
import { NODE_SIZE } from "@/lib/flows/canvas/auto-layout";
import type { CanvasGraph } from "@/lib/flows/canvas/graph";
import type { TPoint } from "@/lib/flows/canvas/layout";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { EDGE_TYPES } from "./branch-edge";
import { createElementCache, type NodeFacts } from "./canvas-elements";
import { NODE_TYPES } from "./nodes";
import { useReadableFit } from "./use-readable-fit";

// The React Flow view of the draft. It draws what the editor gives it (a canvas graph computed from
// the definition) and reports gestures back (connect, reconnect, moved nodes, viewport,
// selection, a level dropped from the palette); the editor turns them into definition edits.
// React Flow keeps its own node state only for what it measures and drags.

export const PALETTE_MIME = "application/x-flowright-level";

export type SelectRequest = { nodeIds: string[]; edgeIds: string[]; center: boolean; seq: number };

type Props = {
  definition: TFlowDefinition;
  graph: CanvasGraph;
  facts: NodeFacts;
  viewport: Viewport | undefined;
  snap: boolean;
  selectRequest: SelectRequest | null;
  onConnect: (connection: Connection) => void;
  onReconnect: (edgeId: string, connection: Connection) => void;
  onMoveNodes: (positions: Record<string, TPoint>) => void;
  /** The view moved: by the user (pan, zoom, Fit view) or by the first automatic fit of a canvas with no saved view. */
  onViewport: (viewport: Viewport, cause: "user" | "initial-fit") => void;
  onSelection: (selection: { nodeIds: string[]; edgeIds: string[] }) => void;
  /** A level from the palette: dropped at a point, or added with the button (null: the editor places it). */
  onAddLevel: (position: TPoint | null) => void;
};

// Keep React Flow's measured sizes and selection across model updates; take position and data from the model.
function syncNodes(previous: Node[], next: Node[]): Node[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  return next.map((node) => {
    const old = byId.get(node.id);
    if (!old) return node;
    if (old.data === node.data && old.position.x === node.position.x && old.position.y === node.position.y) return old;
    return { ...node, measured: old.measured, selected: old.selected };
  });
}
function syncEdges(previous: Edge[], next: Edge[]): Edge[] {
  const byId = new Map(previous.map((edge) => [edge.id, edge]));
  return next.map((edge) => {
    const old = byId.get(edge.id);
    if (!old) return edge;
    if (old.data === edge.data && old.source === edge.source && old.target === edge.target) return old;
    return { ...edge, selected: old.selected };
  });
}

// Module level, so React Flow sees the same objects on every render (a drag re-renders the canvas per frame).
const SNAP_GRID: [number, number] = [10, 10];
const MULTI_SELECTION_KEYS = ["Meta", "Control"];
const PRO_OPTIONS = { hideAttribution: true };
const toConnection = (connection: { source: string; target: string }): Connection => ({ source: connection.source, target: connection.target });
function onDragOver(event: DragEvent) {
  if (event.dataTransfer.types.includes(PALETTE_MIME)) {
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }
}

function Canvas(props: Props) {
  const { graph, facts } = props;
  const flow = useReactFlow();
  const cache = useRef(createElementCache());
  const modelNodes = useMemo(() => cache.current.toNodes(graph, facts), [graph, facts]);
  const modelEdges = useMemo(() => cache.current.toEdges(graph, facts), [graph, facts]);
  const [nodes, setNodes] = useState<Node[]>(modelNodes);
  const [edges, setEdges] = useState<Edge[]>(modelEdges);
  useEffect(() => setNodes((previous) => syncNodes(previous, modelNodes)), [modelNodes]);
  useEffect(() => setEdges((previous) => syncEdges(previous, modelEdges)), [modelEdges]);

  const latest = useRef(props);
  latest.current = props;

  // Selecting (and centring on) what the editor asks for: a problem clicked, a pasted level, a new branch.
  const request = props.selectRequest;
  useEffect(() => {
    if (!request) return;
    const nodeIds = new Set(request.nodeIds);
    const edgeIds = new Set(request.edgeIds);
    setNodes((current) => current.map((node) => (Boolean(node.selected) === nodeIds.has(node.id) ? node : { ...node, selected: nodeIds.has(node.id) })));
    setEdges((current) => current.map((edge) => (Boolean(edge.selected) === edgeIds.has(edge.id) ? edge : { ...edge, selected: edgeIds.has(edge.id) })));
    latest.current.onSelection({ nodeIds: [...nodeIds], edgeIds: [...edgeIds] });
    if (!request.center) return;
    // A node added in this very update is not in React Flow's store yet: its model position stands in.
    const points = [...nodeIds].flatMap((id) => {
      const at = flow.getInternalNode(id)?.internals.positionAbsolute ?? modelNodes.find((node) => node.id === id)?.position;
      return at ? [{ x: at.x + NODE_SIZE.level.width / 2, y: at.y + NODE_SIZE.level.height / 2 }] : [];
    });
    for (const id of edgeIds) {
      const edge = flow.getEdge(id);
      const source = edge && flow.getInternalNode(edge.source);
      const target = edge && flow.getInternalNode(edge.target);
      if (source && target) points.push({ x: (source.internals.positionAbsolute.x + target.internals.positionAbsolute.x) / 2 + NODE_SIZE.level.width / 2, y: (source.internals.positionAbsolute.y + target.internals.positionAbsolute.y) / 2 + NODE_SIZE.level.height / 2 });
    }
    const at = points[0];
    if (at) void flow.setCenter(at.x, at.y, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    // Only a new request moves the view, not every model change.
  }, [request, flow]);

  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes, current)), []);
  const onSelectionChange = useCallback(({ nodes: selectedNodes, edges: selectedEdges }: OnSelectionChangeParams) => {
    latest.current.onSelection({ nodeIds: selectedNodes.map((node) => node.id), edgeIds: selectedEdges.map((edge) => edge.id) });
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer holds the card by its top middle.
      latest.current.onAddLevel({ x: Math.round(at.x - NODE_SIZE.level.width / 2), y: Math.round(at.y - 20) });
    },
    [flow],
  );
  // The latest props are read through a ref, so these keep one identity for the canvas's lifetime.
  const onConnect = useCallback((connection: Connection) => latest.current.onConnect(toConnection(connection)), []);
  const onReconnect = useCallback((edge: Edge, connection: Connection) => latest.current.onReconnect(edge.id, toConnection(connection)), []);
  const checkConnection = useCallback((connection: Edge | Connection) => isValidConnection(latest.current.definition, toConnection(connection)), []);
  const onNodeDragStop = useCallback((_: unknown, __: unknown, dragged: Node[]) => {
    latest.current.onMoveNodes(Object.fromEntries(dragged.map((node) => [node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) }])));
  }, []);
  // A user's pan or zoom has an event; Fit view reports itself below (a programmatic move has none).
  const onMoveEnd = useCallback<OnMoveEnd>((event, viewport) => event && latest.current.onViewport(viewport, "user"), []);
  const problems = facts.problems;
  const nodeColor = useCallback((node: Node) => (node.type === "terminal" ? "#94a3b8" : (problems.get(node.id) ?? 0) > 0 ? "#f87171" : "#cbd5e1"), [problems]);
  const onAdd = useCallback(() => latest.current.onAddLevel(null), []);

  const onFitView = useReadableFit(Boolean(props.viewport), (viewport, cause) => latest.current.onViewport(viewport, cause));

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onSelectionChange={onSelectionChange}
      onConnect={onConnect}
      onReconnect={onReconnect}
      isValidConnection={checkConnection}
      onNodeDragStop={onNodeDragStop}
      onMoveEnd={onMoveEnd}
      onDragOver={onDragOver}
      onDrop={onDrop}
      defaultViewport={props.viewport}
      minZoom={0.1}
      maxZoom={2}
      snapToGrid={props.snap}
      snapGrid={SNAP_GRID}
      // Delete/Backspace are handled with the other shortcuts (use-canvas-keys.ts).
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECTION_KEYS}
      connectionRadius={30}
      proOptions={PRO_OPTIONS}
    >
      <Background gap={props.snap ? 10 : 20} size={1} color="#e2e8f0" />
      <Controls position="bottom-left" aria-label="Zoom and fit" onFitView={onFitView} />
      <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" nodeColor={nodeColor} />
      <Panel position="top-left">
        <Palette onAdd={onAdd} />
      </Panel>
    </ReactFlow>
  );
}

const Palette = memo(function Palette({ onAdd }: { onAdd: () => void }) {
  return (
    <div className="w-40 space-y-1.5 rounded-lg border border-slate-200 bg-white/95 p-2 text-xs shadow-sm">
      <p className="font-semibold text-slate-700">Palette</p>
      <div
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData(PALETTE_MIME, "level");
          event.dataTransfer.effectAllowed = "copy";
        }}
        className="cursor-grab rounded-md border border-dashed border-slate-400 bg-slate-50 px-2 py-1.5 text-slate-800 active:cursor-grabbing"
        aria-hidden="true"
        data-testid="palette-level"
      >
        ▭ Level <span className="text-slate-500">(drag onto the canvas)</span>
      </div>
      <button type="button" onClick={onAdd} className="w-full rounded-md bg-brand px-2 py-1.5 font-medium text-white hover:opacity-90 focus:outline-none focus:ring-2 focus:ring-brand/50">
        + Add level
      </button>
    </div>
  );
});

export function FlowCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
