"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TFlowDraft } from "@/lib/flows/editor/schema";
import { ZFlowDraft } from "@/lib/flows/editor/schema";
import { saveFlowDraftAction } from "@/lib/flows/design-actions";
import type { TFlowLayout } from "@/lib/flows/canvas/layout";

// Saves the draft shortly after each change, one save at a time, with the revision of the last save
// (compare-and-set on the server). A conflict stops autosaving until the page is reloaded, so nobody
// silently overwrites someone else's work.

export type SaveState =
  | { kind: "saved"; at: string | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "invalid"; count: number }
  | { kind: "conflict"; message: string }
  | { kind: "failed"; message: string };

const DELAY_MS = 700;

export function useAutosave(options: {
  flowId: string;
  revision: number;
  getDefinition: () => TFlowDraft;
  /** The canvas sends where it draws things; the list editor does not, so the stored layout stays. */
  getLayout?: () => TFlowLayout;
  onServerErrors: (fieldErrors: Record<string, string[]>) => void;
}) {
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const revision = useRef(options.revision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef(false);
  const again = useRef(false);
  const stopped = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const flush = useCallback(async () => {
    if (stopped.current) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    const definition = latest.current.getDefinition();
    const parsed = ZFlowDraft.safeParse(definition);
    if (!parsed.success) {
      setState({ kind: "invalid", count: parsed.error.issues.length });
      return;
    }
    saving.current = true;
    setState({ kind: "saving" });
    try {
      const layout = latest.current.getLayout?.();
      const result = await saveFlowDraftAction({ flowId: latest.current.flowId, revision: revision.current, definition, ...(layout ? { layout } : {}) });
      if (!result.ok) {
        if (result.fieldErrors) latest.current.onServerErrors(result.fieldErrors);
        setState({ kind: "failed", message: result.error });
      } else if (result.data.status === "conflict") {
        stopped.current = true;
        setState({ kind: "conflict", message: result.data.message });
      } else {
        revision.current = result.data.revision;
        // Changes made while this save was under way are not saved yet: say so until they are.
        setState(again.current || timer.current ? { kind: "pending" } : { kind: "saved", at: result.data.savedAt });
      }
    } catch {
      setState({ kind: "failed", message: "Could not reach the server; your changes are kept here and saved on the next edit." });
    } finally {
      saving.current = false;
    }
    if (again.current) {
      again.current = false;
      void flush();
    }
  }, []);

  const schedule = useCallback(() => {
    if (stopped.current) return;
    setState((current) => (current.kind === "saving" ? current : { kind: "pending" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, DELAY_MS);
  }, [flush]);

  // Leaving with unsaved work asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (state.kind === "pending" || state.kind === "saving" || state.kind === "invalid") event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state.kind]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { state, schedule, flush };
}
