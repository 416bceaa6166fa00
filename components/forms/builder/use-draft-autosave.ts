"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TFormDefinition } from "@/lib/forms/definition";
import { loadFormDraftAction, saveFormDraftAction, type TDraftConflict } from "@/lib/forms/actions";

// Autosave of the builder's draft: ~800 ms after the last change the definition goes to the server
// with the revision it was loaded at (compare-and-set). Another designer's save in between stops
// autosaving and surfaces a conflict — the designer chooses, nothing is overwritten silently.

export const AUTOSAVE_DELAY_MS = 800;

export type TSaveStatus = "saved" | "dirty" | "saving" | "invalid" | "error" | "conflict";

export type TAutosave = {
  status: TSaveStatus;
  savedAt: Date | null;
  message: string | null;
  /** The server's definition problems from the last refused save, with the definition they refer to. */
  serverErrors: { errors: Record<string, string[]>; definition: TFormDefinition } | null;
  conflict: TDraftConflict | null;
  /** Saves now (cancelling the debounce); resolves true when the current definition is stored. */
  flush: () => Promise<boolean>;
  overwrite: () => Promise<boolean>;
  reloadTheirs: () => Promise<void>;
};

type Options = {
  taskId: string;
  definition: TFormDefinition;
  revision: number;
  savedAt: Date;
  /** Replaces the editor's definition with the stored one (after "reload their version"). */
  onReload: (definition: TFormDefinition) => void;
};

export function useDraftAutosave({ taskId, definition, revision, savedAt: initialSavedAt, onReload }: Options): TAutosave {
  const json = JSON.stringify(definition);
  const current = useRef({ json, definition });
  current.current = { json, definition };
  const revisionRef = useRef(revision);
  const savedJson = useRef(json);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [status, setStatus] = useState<TSaveStatus>("saved");
  const [savedAt, setSavedAt] = useState<Date | null>(initialSavedAt);
  const [message, setMessage] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<TAutosave["serverErrors"]>(null);
  const [conflict, setConflict] = useState<TDraftConflict | null>(null);
  const conflictRef = useRef(false);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const { json: sending, definition: sent } = current.current;
    if (sending === savedJson.current) {
      setStatus("saved");
      return true;
    }
    setStatus("saving");
    try {
      const result = await saveFormDraftAction({ taskId, revision: revisionRef.current, definition: sent });
      if (result.ok && result.data.saved) {
        revisionRef.current = result.data.revision;
        savedJson.current = sending;
        setSavedAt(new Date(result.data.savedAt));
        setServerErrors(null);
        setMessage(null);
        setStatus(current.current.json === sending ? "saved" : "dirty");
        return current.current.json === sending;
      }
      if (result.ok) {
        conflictRef.current = true;
        setConflict(result.data.saved ? null : result.data.conflict);
        setStatus("conflict");
        return false;
      }
      const problems = Object.keys(result.fieldErrors ?? {}).filter((key) => key === "" || key.startsWith("fields") || key.startsWith("logic") || key.startsWith("settings"));
      if (problems.length > 0) {
        setServerErrors({ errors: result.fieldErrors ?? {}, definition: sent });
        setStatus("invalid");
      } else {
        setStatus("error");
      }
      setMessage(result.error);
      return false;
    } catch {
      setMessage("Could not reach the server; your changes are kept here.");
      setStatus("error");
      return false;
    }
  }, [taskId]);

  // One save at a time; a change made during a save is saved right after it.
  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (conflictRef.current) return false;
    const run = saveOnce();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [saveOnce]);

  useEffect(() => {
    if (conflictRef.current) return;
    if (json === savedJson.current) {
      // Undo/redo back to what is stored: nothing to save, and nothing pending any more.
      if (timer.current) clearTimeout(timer.current);
      setStatus((status) => (status === "dirty" ? "saved" : status));
      return;
    }
    setStatus((status) => (status === "saving" ? status : "dirty"));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [json, save]);

  // Leaving with unsaved changes asks first (the browser's own dialog).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (current.current.json !== savedJson.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    return save();
  }, [save]);

  const overwrite = useCallback(async () => {
    if (!conflict) return false;
    revisionRef.current = conflict.revision;
    conflictRef.current = false;
    setConflict(null);
    return save();
  }, [conflict, save]);

  const reloadTheirs = useCallback(async () => {
    const result = await loadFormDraftAction({ taskId });
    if (!result.ok) {
      setMessage(result.error);
      return;
    }
    revisionRef.current = result.data.revision;
    savedJson.current = JSON.stringify(result.data.definition);
    conflictRef.current = false;
    setConflict(null);
    setServerErrors(null);
    setMessage(null);
    setSavedAt(new Date(result.data.updatedAt));
    setStatus("saved");
    onReload(result.data.definition);
  }, [taskId, onReload]);

  return { status, savedAt, message, serverErrors, conflict, flush, overwrite, reloadTheirs };
}
