"use client";

import type { SaveState } from "./use-autosave";

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** The autosave state in words, announced politely (a conflict assertively, with a way out). */
export function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === "conflict") {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        <p className="font-medium">Not saved: {state.message}</p>
        <button type="button" onClick={() => window.location.reload()} className="mt-1 text-sm font-medium underline">
          Reload the latest draft
        </button>
      </div>
    );
  }
  const text =
    state.kind === "saved"
      ? state.at
        ? `All changes saved at ${time(state.at)}`
        : "No changes yet"
      : state.kind === "pending"
        ? "Unsaved changes…"
        : state.kind === "saving"
          ? "Saving…"
          : state.kind === "invalid"
            ? `Not saved: ${state.count === 1 ? "1 setting needs" : `${state.count} settings need`} attention (marked in red)`
            : `Not saved: ${state.message}`;
  const tone = state.kind === "saved" ? "text-green-800" : state.kind === "invalid" || state.kind === "failed" ? "text-red-700" : "text-slate-600";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`} data-save-state={state.kind}>
      {text}
    </p>
  );
}
