"use client";

import { applyEdgeChanges, applyNodeChanges, Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, type Edge, type EdgeChange, type Node, type NodeChange, type OnSelectionChangeParams } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import type { DiffStatuses } from "@/lib/flows/canvas/diff-graph";
import type { ElementDetails } from "@/lib/flows/canvas/element-details";
import { canvasToDefinition, type CanvasGraph } from "@/lib/flows/canvas/graph";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import { createElementCache } from "./canvas-elements";
import { DIFF_COLORS, DIFF_WORDS } from "./diff-styles";
import { EDGE_TYPES } from "./branch-edge";
import { NODE_TYPES } from "./nodes";
import { SidePanel } from "./side-panel";
import { useLevelFacts } from "./use-level-facts";
import { useReadableFit } from "./use-readable-fit";

// A version of a flow drawn on the canvas, read-only: the designer's node and edge components, no
// palette, no dragging, connecting or deleting; pan, zoom, fit view and the minimap work, and a
// selected level or branch shows its settings in words. Given statuses it draws a diff (see
// lib/flows/canvas/diff-graph.ts) with a legend; `aside` is the diff in words beside it.

type Props = {
  graph: CanvasGraph;
  details: Record<string, ElementDetails>;
  options: EditorOptions;
  status?: DiffStatuses;
  aside?: ReactNode;
};

const NO_PROBLEMS: never[] = [];

function statusSuffix(status: DiffStatuses | undefined, id: string) {
  const value = status?.nodes[id] ?? status?.edges[id];
  return value && value !== "unchanged" ? ` (${DIFF_WORDS[value].toLowerCase()})` : "";
}

/** The element cache's nodes and edges, read-only, with their diff status in data, style and name. */
function useReadOnlyElements(graph: CanvasGraph, options: EditorOptions, status: DiffStatuses | undefined) {
  const definition = useMemo(() => canvasToDefinition(graph), [graph]);
  const facts = useLevelFacts(definition, NO_PROBLEMS, options, null);
  const cache = useRef(createElementCache());
  const nodes = useMemo(
    () =>
      cache.current.toNodes(graph, facts).map((node): Node => {
        const diff = status?.nodes[node.id];
        return { ...node, draggable: false, connectable: false, deletable: false, data: diff ? { ...node.data, diff } : node.data, ariaLabel: `${node.ariaLabel}${statusSuffix(status, node.id)}` };
      }),
    [graph, facts, status],
  );
  const edges = useMemo(
    () =>
      cache.current.toEdges(graph, facts).map((edge): Edge => {
        const diff = status?.edges[edge.id];
        const base = { ...edge, deletable: false, reconnectable: false, ariaLabel: `${edge.ariaLabel}${statusSuffix(status, edge.id)}` };
        if (!diff || diff === "unchanged") return base;
        const color = DIFF_COLORS[diff];
        return {
          ...base,
          data: { ...edge.data, diff },
          style: { ...edge.style, stroke: color, strokeWidth: 2.5, strokeDasharray: diff === "removed" ? "6 4" : undefined },
          markerEnd: { type: MarkerType.ArrowClosed, color },
          zIndex: 1,
        };
      }),
    [graph, facts, status],
  );
  return useMemo(() => ({ nodes, edges }), [nodes, edges]);
}

function Canvas({ graph, details, options, status, aside }: Props) {
  const elements = useReadOnlyElements(graph, options, status);
  // A read-only view is not saved: fit on open, and on the button.
  const onFitView = useReadableFit(false);
  // React Flow keeps selection and measured sizes in the elements; nothing else about them changes here.
  const [nodes, setNodes] = useState<Node[]>(elements.nodes);
  const [edges, setEdges] = useState<Edge[]>(elements.edges);
  const [syncedFrom, setSyncedFrom] = useState(elements);
  if (syncedFrom !== elements) {
    setSyncedFrom(elements);
    setNodes(elements.nodes);
    setEdges(elements.edges);
  }
  const [selected, setSelected] = useState<string | null>(null);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes.filter((change) => change.type === "select" || change.type === "dimensions"), current)), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes.filter((change) => change.type === "select"), current)), []);
  const onSelectionChange = useCallback(({ nodes: chosenNodes, edges: chosenEdges }: OnSelectionChangeParams) => {
    const ids = [...chosenNodes, ...chosenEdges].map((element) => element.id);
    setSelected(ids.length === 1 ? ids[0]! : null);
  }, []);
  const shown = selected ? details[selected] : undefined;
  const minimapColor = useCallback(
    (node: Node) => {
      const diff = status?.nodes[node.id];
      return diff && diff !== "unchanged" ? DIFF_COLORS[diff] : node.type === "terminal" ? "#94a3b8" : "#cbd5e1";
    },
    [status],
  );

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="h-[calc(100vh-16rem)] min-h-[28rem] overflow-hidden rounded-lg border border-slate-200 bg-slate-50 [&_.react-flow__handle]:opacity-0" data-testid="version-canvas">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesReconnectable={false}
          elementsSelectable
          deleteKeyCode={null}
          minZoom={0.1}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} size={1} color="#e2e8f0" />
          <Controls position="bottom-left" showInteractive={false} aria-label="Zoom and fit" onFitView={onFitView} />
          <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} />
        </ReactFlow>
      </div>
      <div className="space-y-4 xl:max-h-[calc(100vh-16rem)] xl:overflow-y-auto">
        {shown ? (
          <SidePanel title={shown.title} subtitle={`Read-only${statusSuffix(status, selected!)}`} onClose={() => setSelected(null)}>
            <dl className="space-y-1.5 text-sm">
              {shown.rows.map((row) => (
                <div key={row.property} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2">
                  <dt className="text-slate-500">{row.property}</dt>
                  <dd className="break-words text-slate-900">{row.value}</dd>
                </div>
              ))}
            </dl>
          </SidePanel>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">Select a level or a branch to see its settings. This version cannot be edited here.</p>
        )}
        {status ? <DiffLegend /> : null}
        {aside}
      </div>
    </div>
  );
}

function DiffLegend() {
  const swatch = (diff: keyof typeof DIFF_COLORS) => (
    <li key={diff} className="flex items-center gap-2">
      <svg width="28" height="10" aria-hidden>
        <line x1="0" y1="5" x2="28" y2="5" stroke={DIFF_COLORS[diff]} strokeWidth="3" strokeDasharray={diff === "removed" ? "6 4" : undefined} />
      </svg>
      {DIFF_WORDS[diff]}
    </li>
  );
  return (
    <section aria-label="Legend" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
      <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Legend</h2>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-slate-700">{(["added", "removed", "changed"] as const).map(swatch)}</ul>
    </section>
  );
}

export function VersionCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
