"use client";

import { useId, useMemo } from "react";
import { checkCondition } from "@/lib/expressions/api";
import { inWords } from "@/lib/expressions/in-words";
import type { Type, TypeEnv } from "@/lib/expressions/types";
import { cn } from "@/components/ui/cn";

// A condition typed as text, parsed and type-checked as you type against the fields available where
// it is used — no round trip. Shows the first problem inline (with where it is) or the condition in
// plain words. Form-independent: the flow editor's branches use it, and the rule builder of forms can
// sit beside it on the same `value`.

export type ExpressionInputProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The fields the condition may read, with their types. */
  fields: TypeEnv;
  /** Field path → label, for the plain-words rendering. */
  labels?: Readonly<Record<string, string>>;
  /** Ids of further descriptions (e.g. a server error) to announce with the input. */
  ariaDescribedBy?: string;
  placeholder?: string;
  className?: string;
};

function typeName(type: Type): string {
  switch (type.kind) {
    case "list":
      return `list of ${typeName(type.element)}`;
    case "options":
      return `one of ${type.options.map((option) => `"${option.value}"`).join(", ")}`;
    default:
      return type.kind;
  }
}

export type ConditionStatus = { state: "empty" } | { state: "invalid"; message: string; start: number; end: number } | { state: "valid"; words: string };

/** What the input shows for a source text: nothing yet, its first problem, or its meaning in words. */
export function conditionStatus(value: string, fields: TypeEnv, labels: Readonly<Record<string, string>> = {}): ConditionStatus {
  if (value.trim() === "") return { state: "empty" };
  const checked = checkCondition(value, fields);
  if (!checked.ok) {
    const first = checked.diagnostics[0] ?? { message: "This condition is not valid", start: 0, end: 0 };
    return { state: "invalid", ...first };
  }
  return { state: "valid", words: inWords(checked.ast, { label: (path) => labels[path] }) };
}

export function ExpressionInput({ id, label, value, onChange, fields, labels = {}, ariaDescribedBy, placeholder = "e.g. amount >= 1000", className }: ExpressionInputProps) {
  const statusId = `${id}-status`;
  const fieldsId = useId();
  const status = useMemo(() => conditionStatus(value, fields, labels), [value, fields, labels]);
  const names = Object.keys(fields).sort();
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={status.state === "invalid" || undefined}
        aria-describedby={[statusId, ariaDescribedBy].filter(Boolean).join(" ")}
        className={cn(
          "block w-full rounded-md border px-2 py-1.5 font-mono text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand",
          status.state === "invalid" ? "border-red-500" : "border-slate-300",
        )}
      />
      <p id={statusId} aria-live="polite" className={cn("text-xs", status.state === "invalid" ? "text-red-600" : status.state === "valid" ? "text-green-800" : "text-slate-500")}>
        {status.state === "empty" ? "Type a condition over the fields below." : null}
        {status.state === "invalid" ? (
          <>
            {status.message}
            {value.length > 1 ? <span className="text-red-500"> (at character {status.start + 1})</span> : null}
          </>
        ) : null}
        {status.state === "valid" ? <>Means: {status.words}</> : null}
      </p>
      {names.length > 0 ? (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer select-none text-slate-500 hover:text-slate-700" id={fieldsId}>
            Fields you can use here ({names.length})
          </summary>
          <ul className="mt-1 max-h-40 space-y-0.5 overflow-y-auto rounded border border-slate-100 bg-slate-50 p-2 font-mono" aria-labelledby={fieldsId}>
            {names.map((name) => (
              <li key={name}>
                {name} <span className="font-sans text-slate-400">— {labels[name] ? `${labels[name]}, ` : ""}{typeName(fields[name]!)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
