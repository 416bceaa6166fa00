"use client";

import type { TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LevelSettings, levelSummary } from "./level-settings";

// One level of the flow as an expandable card: a summary line when closed; every setting when open.
// The settings themselves are LevelSettings, shared with the canvas side panel.

type Props = {
  level: TFlowLevel;
  index: number;
  count: number;
  definition: TFlowDefinition;
  options: EditorOptions;
  expanded: boolean;
  errorAt: (field: string) => string | undefined;
  hasProblem: boolean;
  onToggle: () => void;
  onChange: (changes: Partial<Omit<TFlowLevel, "id" | "order">>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onAddBranch: () => void;
};

function thenText(definition: TFlowDefinition, level: TFlowLevel, index: number): string {
  const name = (id: string | null) => definition.levels.find((candidate) => candidate.id === id)?.name ?? "?";
  const branches = definition.branches.filter((branch) => branch.fromLevelId === level.id).sort((a, b) => a.priority - b.priority);
  const target = (branch: (typeof branches)[number]) => (branch.target === "LEVEL" ? name(branch.toLevelId) : branch.target === "COMPLETE" ? "the flow completes" : "the flow is rejected");
  const parts = branches.filter((branch) => !branch.isDefault).map((branch) => `${target(branch)} when ${branch.condition || "…"}`);
  const fallback = branches.find((branch) => branch.isDefault);
  const next = definition.levels[index + 1];
  parts.push(`otherwise ${fallback ? target(fallback) : next ? next.name : "the flow completes"}`);
  return `Then: ${parts.join("; ")}`;
}

export function LevelCard({ level, index, count, definition, options, expanded, errorAt, hasProblem, onToggle, onChange, onMove, onRemove, onAddBranch }: Props) {
  const id = (setting: string) => `level-${level.id}-${setting}`;
  const bodyId = id("settings");
  const summary = levelSummary(level, options);

  return (
    <li className={cn("rounded-lg border bg-white shadow-sm", hasProblem ? "border-red-300" : "border-slate-200")} aria-label={`Level ${index + 1}: ${level.name}`}>
      <div className="flex flex-wrap items-center gap-2 px-4 py-3">
        <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700" aria-hidden>
          {index + 1}
        </span>
        <button type="button" id={id("toggle")} onClick={onToggle} aria-expanded={expanded} aria-controls={bodyId} className="min-w-0 flex-1 text-left">
          <span className="block truncate font-medium text-slate-900">{level.name || "(no name)"}</span>
          <span className="block truncate text-xs text-slate-500">{summary}</span>
        </button>
        <div className="flex gap-1">
          <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move ${level.name} up`}>
            ↑
          </Button>
          <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move ${level.name} down`}>
            ↓
          </Button>
          <Button type="button" variant="ghost" className="px-2 py-1 text-red-700" onClick={onRemove} aria-label={`Remove ${level.name}`}>
            Remove
          </Button>
        </div>
      </div>
      {expanded ? (
        <div id={bodyId} className="space-y-4 border-t border-slate-100 px-4 py-4">
          <LevelSettings level={level} options={options} errorAt={errorAt} onChange={onChange} />

          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3">
            <p className="text-xs text-slate-600">{thenText(definition, level, index)}</p>
            <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={onAddBranch}>
              Add branch from here
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
