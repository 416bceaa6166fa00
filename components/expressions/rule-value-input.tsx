"use client";

import type { RuleOperator, RuleScalar } from "@/lib/expressions/rules";
import type { Type } from "@/lib/expressions/types";

// The value half of a rule, typed by the field it compares: a number box for numbers, a date picker
// for dates, yes/no for booleans, the field's own options for choices, checkboxes for "is one of".

type Props = {
  type: Type | undefined;
  operator: RuleOperator;
  value: RuleScalar | RuleScalar[] | undefined;
  onChange: (value: RuleScalar | RuleScalar[]) => void;
  label: string;
};

const CONTROL = "w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs";

function optionsOf(type: Type | undefined) {
  if (type?.kind === "options") return type.options;
  if (type?.kind === "list" && type.element.kind === "options") return type.element.options;
  return null;
}

function scalarFromText(text: string, type: Type | undefined): RuleScalar {
  const kind = type?.kind === "list" ? type.element.kind : type?.kind;
  if (kind === "number") {
    const number = Number(text);
    return text.trim() === "" || !Number.isFinite(number) ? null : number;
  }
  return text;
}

export function RuleValueInput({ type, operator, value, onChange, label }: Props) {
  const options = optionsOf(type);
  if (operator === "in_list") {
    const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    if (options) {
      return (
        <fieldset className="flex flex-1 flex-wrap gap-x-3 gap-y-1">
          <legend className="sr-only">{label}</legend>
          {options.map((option) => (
            <label key={option.value} className="flex items-center gap-1 text-xs text-slate-700">
              <input
                type="checkbox"
                checked={list.includes(option.value)}
                onChange={(event) => onChange(event.target.checked ? [...list, option.value] : list.filter((item) => item !== option.value))}
              />
              {option.label ?? option.value}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <input
        aria-label={`${label} (separate values with commas)`}
        className={CONTROL}
        defaultValue={list.map(String).join(", ")}
        placeholder="a, b, c"
        onChange={(event) => onChange(event.target.value.split(",").map((part) => part.trim()).filter(Boolean).map((part) => scalarFromText(part, type)))}
      />
    );
  }
  const scalar = Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  if (options) {
    return (
      <select aria-label={label} className={CONTROL} value={scalar === null ? "" : String(scalar)} onChange={(event) => onChange(event.target.value)}>
        {scalar === null ? <option value="">Choose…</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label ?? option.value}
          </option>
        ))}
      </select>
    );
  }
  switch (type?.kind) {
    case "boolean":
      return (
        <select aria-label={label} className={CONTROL} value={String(scalar === true)} onChange={(event) => onChange(event.target.value === "true")}>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
    case "number":
      return <input aria-label={label} type="number" inputMode="decimal" className={CONTROL} value={typeof scalar === "number" ? scalar : ""} onChange={(event) => onChange(scalarFromText(event.target.value, type))} />;
    case "date":
      return <input aria-label={label} type="date" className={CONTROL} value={typeof scalar === "string" ? scalar : ""} onChange={(event) => onChange(event.target.value)} />;
    case "datetime":
      return <input aria-label={label} className={CONTROL} placeholder="2026-01-31T09:00:00Z" value={typeof scalar === "string" ? scalar : ""} onChange={(event) => onChange(event.target.value)} />;
    default:
      return <input aria-label={label} className={CONTROL} value={scalar === null ? "" : String(scalar)} onChange={(event) => onChange(scalarFromText(event.target.value, type))} />;
  }
}
