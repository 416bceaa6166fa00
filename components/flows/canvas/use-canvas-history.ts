"use client";

import { useCallback, useRef, useState } from "react";
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from "@/lib/flows/canvas/history";
import type { TFlowLayout } from "@/lib/flows/canvas/layout";
import type { TFlowDraft } from "@/lib/flows/editor/schema";

// The canvas's state: the draft and its layout as one undoable snapshot. Every edit goes through
// `apply` (recorded, then autosaved); undo and redo restore a snapshot and autosave it too.

export type Snapshot = { definition: TFlowDraft; layout: TFlowLayout };

export function useCanvasHistory(initial: () => Snapshot, onChange: () => void) {
  const [history, setHistory] = useState<History<Snapshot>>(() => createHistory(initial()));
  // Read by autosave and by handlers between renders.
  const present = useRef(history.present);
  present.current = history.present;
  const changed = useRef(onChange);
  changed.current = onChange;

  const update = useCallback((next: (current: History<Snapshot>) => History<Snapshot>) => {
    setHistory((current) => {
      const updated = next(current);
      present.current = updated.present;
      return updated;
    });
    changed.current();
  }, []);

  const apply = useCallback((change: (current: Snapshot) => Snapshot, key?: string) => update((current) => record(current, change(current.present), { key })), [update]);

  return {
    snapshot: history.present,
    present,
    apply,
    undo: useCallback(() => update(undo), [update]),
    redo: useCallback(() => update(redo), [update]),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}
