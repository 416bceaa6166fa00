"use client";

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import type { DiffStatus } from "@/lib/flows/canvas/diff-graph";
import { bowedEdge } from "@/lib/flows/canvas/edge-path";
import { DIFF_LABEL_CLASS } from "./diff-styles";

// An edge with its label (priority and condition in words, "otherwise", or the engine's fallback)
// in a readable box; long and backward edges bow out to the right (lib/flows/canvas/edge-path.ts).

export type BranchEdgeData = { label: string; kind: "branch" | "start" | "fallback"; lit: boolean; problem: boolean; diff?: DiffStatus };

export const BranchEdge = memo(function BranchEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, style, selected }: EdgeProps<Edge<BranchEdgeData>>) {
  const bowed = bowedEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const [path, labelX, labelY] = bowed ? [bowed.path, bowed.labelX, bowed.labelY] : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // A bowed edge's label sits beside the curve, away from the levels it passes.
  const anchor = bowed ? "translate(6px, -50%)" : "translate(-50%, -50%)";
  const label = data?.label ?? "";
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={24} />
      {label ? (
        <EdgeLabelRenderer>
          <div
            style={{ transform: `translate(${labelX}px, ${labelY}px) ${anchor}` }}
            className={cn(
              "nodrag nopan pointer-events-none absolute max-w-[13rem] rounded border px-1.5 py-0.5 text-center text-[11px] leading-tight shadow-sm",
              data?.kind === "fallback" ? "border-dashed border-slate-300 bg-slate-50 text-slate-500" : "border-slate-200 bg-white text-slate-800",
              data?.problem && "border-red-400 bg-red-50 text-red-900",
              data?.lit && "border-brand font-semibold text-slate-900",
              data?.diff && DIFF_LABEL_CLASS[data.diff],
              selected && "border-brand ring-2 ring-brand/40",
            )}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

export const EDGE_TYPES = { branch: BranchEdge };
