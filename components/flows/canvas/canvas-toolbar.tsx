"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

// Above the canvas: undo/redo, auto-layout, snap to grid, and the save state and publish on the right.

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

type Props = {
  canUndo: boolean;
  canRedo: boolean;
  snap: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onSnap: (snap: boolean) => void;
  status: ReactNode;
  publish: ReactNode;
};

export function CanvasToolbar({ canUndo, canRedo, snap, onUndo, onRedo, onAutoLayout, onSnap, status, publish }: Props) {
  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <div role="toolbar" aria-label="Canvas" className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
      <Button type="button" variant="secondary" className="px-2.5 py-1" onClick={onUndo} disabled={!canUndo} title={`Undo (${mod}+Z)`}>
        ↶ Undo
      </Button>
      <Button type="button" variant="secondary" className="px-2.5 py-1" onClick={onRedo} disabled={!canRedo} title={`Redo (${mod}+Shift+Z)`}>
        ↷ Redo
      </Button>
      <Button type="button" variant="secondary" className="px-2.5 py-1" onClick={onAutoLayout}>
        Auto-layout
      </Button>
      <label className="flex items-center gap-1.5 px-1 text-sm text-slate-700">
        <input type="checkbox" className="h-4 w-4" checked={snap} onChange={(event) => onSnap(event.target.checked)} />
        Snap to grid
      </label>
      <div className="ml-auto flex flex-wrap items-center gap-3">
        <div className="min-w-0 max-w-[24rem]">{status}</div>
        <div className="w-32">{publish}</div>
      </div>
    </div>
  );
}
