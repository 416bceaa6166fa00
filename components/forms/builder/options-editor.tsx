"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { optionsToText, parseOptionsPaste } from "@/lib/forms/builder/options-paste";
import type { TOption } from "@/lib/forms/field-types";

// The options of a choice field: edit each value/label, remove, add, or paste many at once (one per
// line, "value|Label" optional), which replaces the list.

export function OptionsEditor({ options, onChange, errors }: { options: readonly TOption[]; onChange: (options: TOption[], tag?: string) => void; errors: readonly string[] }) {
  const pasteId = useId();
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState("");
  const preview = parseOptionsPaste(text);
  const set = (index: number, patch: Partial<TOption>) => onChange(options.map((option, at) => (at === index ? { ...option, ...patch } : option)), `option:${index}`);
  return (
    <div className="space-y-2">
      <p className="text-xs font-medium text-slate-700">Options</p>
      <ol className="space-y-1.5">
        {options.map((option, index) => (
          <li key={index} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-1.5">
            <input aria-label={`Option ${index + 1} label`} value={option.label} onChange={(event) => set(index, { label: event.target.value })} className="min-w-0 rounded-md border border-slate-300 px-2 py-1 text-xs" />
            <input aria-label={`Option ${index + 1} value`} value={option.value} onChange={(event) => set(index, { value: event.target.value })} className="min-w-0 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs" />
            <button type="button" onClick={() => onChange(options.filter((_, at) => at !== index))} aria-label={`Remove option ${option.label || index + 1}`} className="rounded px-1.5 text-xs text-red-700 hover:bg-red-50">
              ✕
            </button>
          </li>
        ))}
      </ol>
      {errors.map((message, index) => (
        <p key={index} className="text-xs text-red-600">
          {message}
        </p>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => onChange([...options, { value: `option_${options.length + 1}`, label: `Option ${options.length + 1}` }])}>
          + Add option
        </Button>
        <Button type="button" variant="ghost" className="px-2 py-1 text-xs" aria-expanded={pasting} onClick={() => (setPasting(!pasting), setText(optionsToText(options)))}>
          Bulk paste…
        </Button>
      </div>
      {pasting ? (
        <div className="space-y-1.5 rounded-md bg-slate-50 p-2">
          <label htmlFor={pasteId} className="block text-xs font-medium text-slate-700">
            Paste options, one per line
          </label>
          <textarea id={pasteId} value={text} onChange={(event) => setText(event.target.value)} rows={6} className="block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs" placeholder={"Travel\noffice|Office supplies"} aria-describedby={`${pasteId}-hint`} />
          <p id={`${pasteId}-hint`} className="text-xs text-slate-500" aria-live="polite">
            {preview.options.length} option{preview.options.length === 1 ? "" : "s"}. Write “value|Label” to choose the stored value.
            {preview.problems.map((problem) => (
              <span key={problem} className="block text-red-600">
                {problem}
              </span>
            ))}
          </p>
          <div className="flex gap-2">
            <Button type="button" className="px-2 py-1 text-xs" disabled={preview.options.length === 0} onClick={() => (onChange(preview.options), setPasting(false))}>
              Replace options
            </Button>
            <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setPasting(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
