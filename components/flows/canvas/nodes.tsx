"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { NODE_SIZE } from "@/lib/flows/canvas/auto-layout";
import type { DiffStatus } from "@/lib/flows/canvas/diff-graph";
import { DIFF_BADGE_CLASS, DIFF_NODE_CLASS, DIFF_WORDS } from "./diff-styles";

// The canvas's nodes: a level card (what it does at a glance, a red ring and count when it has
// problems, lit when a simulation passes through it) and the explicit Start / Completed / Rejected
// nodes. Memoised: dragging one node re-renders only that node.

export type Lit = "current" | "taken" | null;

export type LevelNodeData = {
  name: string;
  order: number;
  assignees: string;
  forms: string;
  mode: string;
  due: string | null;
  problems: number;
  lit: Lit;
  /** Set when the canvas draws a diff between two versions. */
  diff?: DiffStatus;
};
export type TerminalNodeData = { kind: "start" | "complete" | "reject"; lit: Lit };

const handle = "!h-3 !w-3 !border-2 !border-white !bg-slate-500 hover:!bg-brand";

export const LevelNode = memo(function LevelNode({ data, selected, isConnectable }: NodeProps<Node<LevelNodeData>>) {
  return (
    <div
      data-lit={data.lit ?? undefined}
      style={{ width: NODE_SIZE.level.width, minHeight: NODE_SIZE.level.height }}
      className={cn(
        "relative rounded-lg border bg-white px-3 py-2 text-left shadow-sm",
        data.problems > 0 ? "border-red-500 ring-2 ring-red-400" : "border-slate-300",
        data.lit === "taken" && "border-brand ring-2 ring-brand/50",
        data.lit === "current" && "border-brand ring-4 ring-brand/60 motion-safe:animate-pulse",
        data.diff && DIFF_NODE_CLASS[data.diff],
        selected && "outline outline-2 outline-offset-2 outline-brand",
      )}
    >
      <Handle type="target" position={Position.Top} className={handle} isConnectable={isConnectable} aria-label={`Branch into ${data.name}`} />
      {data.diff && data.diff !== "unchanged" ? (
        <span className={cn("absolute -top-2.5 right-2 rounded px-1.5 text-[10px] font-semibold uppercase tracking-wide", DIFF_BADGE_CLASS[data.diff])}>{DIFF_WORDS[data.diff]}</span>
      ) : null}
      <div className="flex items-start gap-2">
        <span className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-[10px] font-semibold text-slate-700" aria-hidden>
          {data.order}
        </span>
        <p className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900" title={data.name}>
          {data.name || "(no name)"}
        </p>
        {data.problems > 0 ? (
          <span className="shrink-0 rounded-full bg-red-600 px-1.5 text-[10px] font-semibold text-white" title={`${data.problems} problem${data.problems > 1 ? "s" : ""}`}>
            {data.problems}
          </span>
        ) : null}
      </div>
      <dl className="mt-1 space-y-0.5 text-[11px] leading-snug text-slate-600">
        <div className="flex gap-1">
          <dt className="w-9 shrink-0 text-slate-400">Who</dt>
          <dd className={cn("line-clamp-2", data.assignees === "no assignee" && "font-medium text-red-700")}>{data.assignees}</dd>
        </div>
        {data.forms ? (
          <div className="flex gap-1">
            <dt className="w-9 shrink-0 text-slate-400">Forms</dt>
            <dd className="truncate">{data.forms}</dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt className="w-9 shrink-0 text-slate-400">Rule</dt>
          <dd className="truncate">
            {data.mode}
            {data.due ? ` · ${data.due}` : ""}
          </dd>
        </div>
      </dl>
      <Handle type="source" position={Position.Bottom} className={handle} isConnectable={isConnectable} aria-label={`Draw a branch from ${data.name}`} />
    </div>
  );
});

const TERMINAL = {
  start: { label: "Start", className: "border-slate-700 bg-slate-800 text-white" },
  complete: { label: "Completed", className: "border-green-600 bg-green-50 text-green-900" },
  reject: { label: "Rejected", className: "border-red-600 bg-red-50 text-red-900" },
} as const;

export const TerminalNode = memo(function TerminalNode({ data, selected, isConnectable }: NodeProps<Node<TerminalNodeData>>) {
  const style = TERMINAL[data.kind];
  const size = data.kind === "start" ? NODE_SIZE.start : NODE_SIZE.end;
  return (
    <div
      style={{ width: size.width, height: size.height }}
      className={cn("flex items-center justify-center rounded-full border-2 text-sm font-semibold", style.className, data.lit && "ring-4 ring-brand/50", selected && "outline outline-2 outline-offset-2 outline-brand")}
    >
      {data.kind !== "start" ? <Handle type="target" position={Position.Top} className={handle} isConnectable={isConnectable} aria-label={`Branch into ${style.label}`} /> : null}
      {style.label}
      {data.kind === "start" ? <Handle type="source" position={Position.Bottom} className={handle} isConnectable={isConnectable} aria-label="Choose the first level" /> : null}
    </div>
  );
});

export const NODE_TYPES = { level: LevelNode, terminal: TerminalNode };
