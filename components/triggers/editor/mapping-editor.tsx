"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/inputs";

type Props = {
  id: string;
  legend: string;
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  keyLabel: string;
  valueLabel: string;
  /** The known keys (columns of a table): one row each; otherwise rows are added freely. */
  fixedKeys?: { key: string; label: string }[];
  /** Errors per key (e.g. from "actions.1.config.values.amount"). */
  errorFor?: (key: string) => string | undefined;
  hint?: string;
};

/**
 * A key → value mapping (flow start data, row values, webhook headers). Values are {{templates}} or
 * `=path`; with fixed keys, an empty value leaves the key out.
 */
export function MappingEditor({ id, legend, value, onChange, keyLabel, valueLabel, fixedKeys, errorFor, hint }: Props) {
  // Free rows are kept as an ordered list while typing (a half-typed key is not yet a record key).
  const [rows, setRows] = useState<[string, string][]>(() => Object.entries(value ?? {}));
  const emit = (next: [string, string][]) => {
    setRows(next);
    onChange(Object.fromEntries(next.filter(([key]) => key.trim() !== "").map(([key, text]) => [key.trim(), text])));
  };
  if (fixedKeys) {
    return (
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{legend}</legend>
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
        {fixedKeys.length === 0 ? <p className="text-xs text-slate-500">Choose a table first.</p> : null}
        {fixedKeys.map((column) => {
          const error = errorFor?.(column.key);
          const inputId = `${id}-${column.key}`;
          return (
            <div key={column.key} className="grid gap-1 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-center">
              <label htmlFor={inputId} className="text-sm text-slate-700">{column.label}</label>
              <div>
                <Input
                  id={inputId}
                  value={value?.[column.key] ?? ""}
                  invalid={!!error}
                  errorId={`${inputId}-error`}
                  placeholder="{{field}} or =field"
                  onChange={(event) => {
                    const { [column.key]: _old, ...rest } = value ?? {};
                    onChange(event.target.value === "" ? rest : { ...rest, [column.key]: event.target.value });
                  }}
                />
                {error ? <p id={`${inputId}-error`} className="text-sm text-red-600">{error}</p> : null}
              </div>
            </div>
          );
        })}
      </fieldset>
    );
  }
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {rows.map(([key, text], index) => {
        const error = key ? errorFor?.(key) : undefined;
        return (
          <div key={index} className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] items-start gap-2">
            <Input aria-label={`${keyLabel} ${index + 1}`} value={key} onChange={(event) => emit(rows.map((row, at) => (at === index ? [event.target.value, row[1]] : row)))} />
            <div>
              <Input aria-label={`${valueLabel} ${index + 1}`} value={text} invalid={!!error} errorId={`${id}-${index}-error`} onChange={(event) => emit(rows.map((row, at) => (at === index ? [row[0], event.target.value] : row)))} />
              {error ? <p id={`${id}-${index}-error`} className="text-sm text-red-600">{error}</p> : null}
            </div>
            <button type="button" className="rounded px-2 py-2 text-xs text-red-700 hover:bg-red-50" aria-label={`Remove ${keyLabel.toLowerCase()} ${index + 1}`} onClick={() => emit(rows.filter((_, at) => at !== index))}>
              Remove
            </button>
          </div>
        );
      })}
      <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setRows([...rows, ["", ""]])}>
        + Add {keyLabel.toLowerCase()}
      </Button>
    </fieldset>
  );
}
