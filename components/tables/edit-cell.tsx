"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { TColumn } from "@/lib/tables/columns";
import { updateRecordAction } from "@/lib/tables/actions";
import { editorValue } from "@/lib/tables/cell-format";
import type { TGridContext, TGridRecord } from "./types";
import { ValueInput } from "./value-input";

/**
 * A cell being edited: the column's input, Enter (or leaving a select) saves, Escape cancels. The save
 * sends the value the cell showed as `base`, so a change someone made meanwhile is reported (by name)
 * instead of overwritten; a refused value keeps the editor open with the server's message under it.
 */
export function EditCell({ tableId, record, column, context, onDone, onConflict }: {
  tableId: string;
  record: TGridRecord;
  column: TColumn;
  context: TGridContext;
  onDone: (saved: TGridRecord | null) => void;
  onConflict: (message: string) => void;
}) {
  const shown = record.data[column.key] ?? null;
  const [draft, setDraft] = useState(() => editorValue(column, record.data[column.key]));
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const id = `cell-${record.id}-${column.key}`;

  useEffect(() => {
    box.current?.querySelector<HTMLElement>("input:not([type=search]), select, textarea, input")?.focus();
  }, []);

  async function save(value = draft) {
    if (pending) return;
    if (JSON.stringify(value) === JSON.stringify(editorValue(column, record.data[column.key]))) return onDone(null);
    setPending(true);
    try {
      const result = await updateRecordAction({ tableId, recordId: record.id, values: { [column.key]: value }, base: { [column.key]: shown } });
      if (result.ok) return onDone(result.data);
      const fieldError = result.fieldErrors?.[column.key]?.[0] ?? result.fieldErrors?.[`values.${column.key}`]?.[0];
      if (fieldError) setError(fieldError);
      else onConflict(result.error);
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.target instanceof HTMLButtonElement && event.key !== "Escape") return event.stopPropagation(); // Enter on Save/Cancel does what the button says
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onDone(null);
    } else if (event.key === "Enter" && !(event.target instanceof HTMLTextAreaElement && !event.ctrlKey)) {
      event.preventDefault();
      event.stopPropagation();
      void save();
    } else event.stopPropagation(); // arrow keys move the caret here, not the active cell
  }

  return (
    <div ref={box} onKeyDown={onKeyDown} className="min-w-48 space-y-1" aria-busy={pending || undefined}>
      <label htmlFor={id} className="sr-only">
        {column.label}
      </label>
      <ValueInput column={column} id={id} value={draft} onChange={(value) => (setDraft(value), setError(undefined))} invalid={Boolean(error)} describedBy={error ? `${id}-error` : undefined} context={context} />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex gap-1 text-xs">
        <button type="button" onClick={() => void save()} disabled={pending} className="rounded bg-brand px-2 py-0.5 font-medium text-white disabled:opacity-60">
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={() => onDone(null)} className="rounded px-2 py-0.5 text-slate-600 hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </div>
  );
}
