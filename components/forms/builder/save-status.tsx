"use client";

import { useEffect, useState } from "react";
import type { TAutosave } from "./use-draft-autosave";

// The visible saved state of the draft, announced politely to screen readers.

function savedText(savedAt: Date | null, now: number): string {
  if (!savedAt) return "Saved";
  const seconds = (now - savedAt.getTime()) / 1000;
  if (seconds < 60) return "Saved just now";
  return `Saved at ${savedAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`;
}

export function SaveStatus({ autosave, problemCount }: { autosave: TAutosave; problemCount: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, []);
  const { status, savedAt, message } = autosave;
  const [text, tone] =
    status === "saving"
      ? ["Saving…", "text-slate-600"]
      : status === "dirty"
        ? ["Unsaved changes", "text-amber-700"]
        : status === "invalid"
          ? [`Not saved: fix ${problemCount || "the"} problem${problemCount === 1 ? "" : "s"}`, "text-red-700"]
          : status === "error"
            ? [`Not saved: ${message ?? "the server refused"}`, "text-red-700"]
            : status === "conflict"
              ? ["Not saved: someone else saved this draft", "text-red-700"]
              : [savedText(savedAt, Math.max(now, savedAt?.getTime() ?? 0)), "text-green-700"];
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`} data-save-status={status}>
      {text}
      {status === "error" ? (
        <button type="button" onClick={() => void autosave.flush()} className="ml-2 underline">
          Retry
        </button>
      ) : null}
    </p>
  );
}
