"use client";

import { Background, BaseEdge, EdgeLabelRenderer, Handle, MarkerType, Position, ReactFlow, type Edge, type EdgeProps, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { cn } from "@/components/ui/cn";
import type { Diagram, DiagramEdge, DiagramNode, Point } from "@/lib/flows/view/diagram-layout";

// A small read-only picture of the flow version (React Flow only draws; buildDiagram decides what
// and where). The same route is given as text beside it, so the canvas itself is hidden from
// assistive technology and never takes keyboard focus.

type LevelData = { node: DiagramNode };

const NODE_STYLES: Record<DiagramNode["state"], string> = {
  current: "border-brand bg-brand text-white shadow-md ring-2 ring-brand/30",
  taken: "border-brand bg-white text-slate-900",
  idle: "border-dashed border-slate-300 bg-slate-50 text-slate-500",
};

function LevelNode({ data }: NodeProps<Node<LevelData>>) {
  const { node } = data;
  const end = node.kind !== "level";
  return (
    <div
      style={{ width: node.width, height: node.height }}
      className={cn(
        "flex items-center justify-center border-2 px-2 text-center text-xs font-medium leading-tight",
        end ? "rounded-full" : "rounded-md",
        node.kind === "reject" && node.state === "taken" ? "border-red-600 bg-red-50 text-red-800" : node.kind === "complete" && node.state === "taken" ? "border-green-600 bg-green-50 text-green-800" : NODE_STYLES[node.state],
      )}
    >
      <Handle type="target" position={Position.Top} className="!h-1 !w-1 !min-w-0 !border-0 !bg-transparent" isConnectable={false} />
      <span className="line-clamp-2">{node.label}</span>
      <Handle type="source" position={Position.Bottom} className="!h-1 !w-1 !min-w-0 !border-0 !bg-transparent" isConnectable={false} />
    </div>
  );
}

type RouteData = { edge: DiagramEdge };

// A smooth line through dagre's points (quadratic curves between midpoints), so an arrow goes
// around the levels dagre kept it clear of; React Flow's own edges would cut straight across.
function pathThrough(points: Point[]): string {
  if (points.length < 3) return points.map((point, index) => `${index === 0 ? "M" : "L"} ${point.x} ${point.y}`).join(" ");
  let path = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const point = points[i]!;
    const next = points[i + 1]!;
    const end = i === points.length - 2 ? next : { x: (point.x + next.x) / 2, y: (point.y + next.y) / 2 };
    path += ` Q ${point.x} ${point.y} ${end.x} ${end.y}`;
  }
  return path;
}

function RouteEdge({ data, style, markerEnd, sourceX, sourceY, targetX, targetY }: EdgeProps<Edge<RouteData>>) {
  const edge = data!.edge;
  const points = edge.points.length >= 2 ? edge.points : [{ x: sourceX, y: sourceY }, { x: targetX, y: targetY }];
  return (
    <>
      <BaseEdge path={pathThrough(points)} style={style} markerEnd={markerEnd} />
      {edge.label && edge.labelAt ? (
        <EdgeLabelRenderer>
          <div
            style={{ transform: `translate(-50%, -50%) translate(${edge.labelAt.x}px, ${edge.labelAt.y}px)` }}
            className={cn("pointer-events-none absolute max-w-40 rounded bg-white/90 px-1 text-center text-[10px] leading-tight", edge.taken ? "font-medium text-slate-800" : "text-slate-500")}
          >
            {edge.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

const NODE_TYPES = { level: LevelNode };
const EDGE_TYPES = { route: RouteEdge };
const TAKEN = "#2563eb";

export function FlowDiagram({ diagram, height = 340 }: { diagram: Diagram; height?: number }) {
  const nodes = useMemo<Node<LevelData>[]>(
    () => diagram.nodes.map((node) => ({ id: node.id, type: "level", position: { x: node.x, y: node.y }, data: { node }, draggable: false, selectable: false, focusable: false })),
    [diagram],
  );
  const edges = useMemo<Edge<RouteData>[]>(
    () =>
      diagram.edges.map((edge) => ({
        id: edge.id,
        type: "route",
        source: edge.source,
        target: edge.target,
        data: { edge },
        focusable: false,
        selectable: false,
        style: edge.taken ? { stroke: "var(--brand, #2563eb)", strokeWidth: 2.5 } : { stroke: "#94a3b8", strokeWidth: 1.25, strokeDasharray: edge.implicit ? "4 3" : undefined },
        markerEnd: { type: MarkerType.ArrowClosed, color: edge.taken ? TAKEN : "#94a3b8" },
        zIndex: edge.taken ? 1 : 0,
      })),
    [diagram],
  );
  return (
    <div aria-hidden="true" style={{ height }} className="w-full overflow-hidden rounded-md border border-slate-200 bg-white">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.18 }}
        minZoom={0.2}
        maxZoom={1.25}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        panOnDrag={false}
        panOnScroll={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
      >
        <Background gap={16} size={1} color="#f1f5f9" />
      </ReactFlow>
    </div>
  );
}
