"use client";

import type { TFlowLevel } from "@/lib/flows/definition";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import { Button } from "@/components/ui/button";
import { LevelSettings } from "@/components/flows/editor/level-settings";
import { SidePanel } from "./side-panel";

// The selected level's settings beside the canvas: the very form the list editor shows in a card.

type Props = {
  level: TFlowLevel;
  isFirst: boolean;
  options: EditorOptions;
  errorAt: (field: string) => string | undefined;
  onChange: (changes: Partial<Omit<TFlowLevel, "id" | "order">>) => void;
  onMakeFirst: () => void;
  onRemove: () => void;
  onClose: () => void;
};

export function LevelPanel({ level, isFirst, options, errorAt, onChange, onMakeFirst, onRemove, onClose }: Props) {
  return (
    <SidePanel title={`Level ${level.order}: ${level.name || "(no name)"}`} subtitle={isFirst ? "The flow starts here." : undefined} onClose={onClose}>
      <div className="space-y-4">
        <LevelSettings level={level} options={options} errorAt={errorAt} onChange={onChange} />
      </div>
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-3">
        {isFirst ? null : (
          <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={onMakeFirst}>
            Start the flow here
          </Button>
        )}
        <Button type="button" variant="ghost" className="px-3 py-1.5 text-red-700" onClick={onRemove}>
          Delete level
        </Button>
      </div>
    </SidePanel>
  );
}
