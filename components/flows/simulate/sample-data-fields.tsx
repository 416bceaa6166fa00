"use client";

import type { Json, JsonObject } from "@/lib/flows/engine/types";
import { displayValue, inputText, valueFromInput, type SampleField, type SampleLevel } from "@/lib/flows/simulate/sample-fields";

// Typed inputs for a simulation's sample data, grouped by the level whose forms fill them, with the
// values worth trying (from the branch conditions) one click away.

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand";

function FieldInput({ field, id, value, onChange }: { field: SampleField; id: string; value: Json | undefined; onChange: (value: Json | undefined) => void }) {
  const { type } = field;
  if (type.kind === "boolean") {
    return <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} className="h-4 w-4 rounded border-slate-300" />;
  }
  if (type.kind === "options") {
    return (
      <select id={id} value={inputText(value)} onChange={(event) => onChange(valueFromInput(type, event.target.value))} className={inputClass}>
        <option value="">(empty)</option>
        {type.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label ?? option.value}
          </option>
        ))}
      </select>
    );
  }
  if (type.kind === "list" && type.element.kind === "options") {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <select id={id} multiple value={chosen.map((item) => inputText(item))} onChange={(event) => onChange([...event.target.selectedOptions].map((option) => option.value))} className={inputClass}>
        {type.element.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label ?? option.value}
          </option>
        ))}
      </select>
    );
  }
  const htmlType = type.kind === "number" ? "number" : type.kind === "date" ? "date" : type.kind === "datetime" ? "datetime-local" : "text";
  const shown = type.kind === "datetime" ? inputText(value).slice(0, 16) : inputText(value);
  return <input id={id} type={htmlType} step={type.kind === "number" ? "any" : undefined} value={shown} onChange={(event) => onChange(valueFromInput(type, event.target.value))} className={inputClass} />;
}

type Props = {
  levels: SampleLevel[];
  data: JsonObject;
  tries: Readonly<Record<string, Json[]>>;
  onChange: (key: string, value: Json | undefined) => void;
};

export function SampleDataFields({ levels, data, tries, onChange }: Props) {
  if (levels.length === 0) return <p className="text-sm text-slate-500">No level fills a form, so there is no data to enter.</p>;
  return (
    <div className="space-y-3">
      {levels.map((level) => (
        <fieldset key={level.levelId} className="space-y-2">
          <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">Filled at {level.levelName}</legend>
          {level.fields.map((field) => {
            const id = `sim-field-${field.key}`;
            const values = tries[field.key] ?? [];
            return (
              <div key={field.key} className={field.type.kind === "boolean" ? "flex items-center gap-2" : undefined}>
                <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                  {field.label}
                </label>
                <FieldInput field={field} id={id} value={data[field.key]} onChange={(value) => onChange(field.key, value)} />
                {values.length > 0 ? (
                  <div className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-500" role="group" aria-label={`Values to try for ${field.label}`}>
                    Try:
                    {values.map((value) => (
                      <button
                        key={JSON.stringify(value)}
                        type="button"
                        onClick={() => onChange(field.key, value)}
                        aria-label={`${field.label} ${displayValue(value)}`}
                        className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 text-slate-700 hover:border-brand focus:outline-none focus:ring-2 focus:ring-brand"
                      >
                        {displayValue(value)}
                      </button>
                    ))}
                  </div>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
