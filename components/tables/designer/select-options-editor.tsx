"use client";

import { PasteBox } from "@/components/ui/paste-box";
import { cn } from "@/components/ui/cn";
import { OPTION_COLOURS, parseSelectOptionsPaste, type TColour } from "@/lib/tables/options-paste";

type Option = { value: string; color: TColour };

const SWATCH: Record<TColour, string> = {
  gray: "bg-slate-400", red: "bg-red-500", orange: "bg-orange-500", amber: "bg-amber-400", green: "bg-green-500",
  teal: "bg-teal-500", blue: "bg-blue-500", indigo: "bg-indigo-500", purple: "bg-purple-500", pink: "bg-pink-500",
};

/** A select column's options with colours; more can be pasted in bulk, one per line ("Value" or "Value|colour"). */
export function SelectOptionsEditor({ idPrefix, options, error, onChange }: { idPrefix: string; options: Option[]; error?: string; onChange: (options: Option[]) => void }) {
  const update = (index: number, patch: Partial<Option>) => onChange(options.map((option, at) => (at === index ? { ...option, ...patch } : option)));
  const addPasted = (text: string) => {
    const result = parseSelectOptionsPaste(text, options.map((option) => option.value));
    onChange([...options, ...result.options]);
    return result.problems;
  };
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${idPrefix}-options-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">Options</legend>
      {options.length === 0 ? <p className="text-sm text-slate-500">No options yet.</p> : null}
      <ul className="space-y-1.5">
        {options.map((option, index) => (
          <li key={index} className="flex items-center gap-2">
            <span className={cn("h-3 w-3 shrink-0 rounded-full", SWATCH[option.color])} aria-hidden />
            <input
              aria-label={`Option ${index + 1} value`}
              value={option.value}
              onChange={(event) => update(index, { value: event.target.value })}
              className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
            <select aria-label={`Option ${index + 1} colour`} value={option.color} onChange={(event) => update(index, { color: event.target.value as TColour })} className="rounded-md border border-slate-300 bg-white px-1 py-1 text-sm">
              {OPTION_COLOURS.map((colour) => (
                <option key={colour} value={colour}>
                  {colour}
                </option>
              ))}
            </select>
            <button type="button" aria-label={`Remove option ${option.value || index + 1}`} onClick={() => onChange(options.filter((_, at) => at !== index))} className="rounded px-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600">
              ✕
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="text-sm font-medium text-brand hover:underline" onClick={() => onChange([...options, { value: "", color: OPTION_COLOURS[options.length % OPTION_COLOURS.length]! }])}>
        + Add option
      </button>
      {error ? (
        <p id={`${idPrefix}-options-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <PasteBox id={`${idPrefix}-paste`} label="Paste options, one per line (optionally “Value|colour”)" addLabel="Add pasted options" onPaste={addPasted} />
    </fieldset>
  );
}
