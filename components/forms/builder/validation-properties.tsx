"use client";

import { useId, useMemo } from "react";
import { checkExpression } from "@/lib/expressions/api";
import type { TypeEnv } from "@/lib/expressions/types";
import { t } from "@/lib/expressions/types";
import { CALCULATED_RESULT_TYPES, isInputField, isOptionField, type TField, type TSubField } from "@/lib/forms/field-types";
import { OptionSourcePicker } from "./option-source-picker";
import { OptionsEditor } from "./options-editor";
import { CheckboxProperty, NumberProperty, SelectProperty, TextProperty } from "./property-inputs";

// The type-specific properties of a field: bounds, lengths, patterns, file limits, rows, currency,
// options, and a calculated field's expression (type-checked as you type).

type AnyField = TField | TSubField;
export type TUpdate = (next: AnyField, tag?: string) => void;
type Props = { field: AnyField; update: TUpdate; errorsFor: (property: string) => string[]; env: TypeEnv };

/** `field` with `patch` merged into its validation; unset entries are dropped, an empty validation removed. */
function withValidation(field: AnyField, patch: Record<string, unknown>): AnyField {
  const merged: Record<string, unknown> = { ...((field as { validation?: object }).validation ?? {}), ...patch };
  for (const [key, value] of Object.entries(merged)) if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete merged[key];
  const { validation: _dropped, ...rest } = field as AnyField & { validation?: unknown };
  return (Object.keys(merged).length > 0 ? { ...rest, validation: merged } : rest) as AnyField;
}

const TEXT_LENGTH = new Set(["text", "textarea", "rich_text"]);
const PATTERN = new Set(["text", "textarea", "email", "phone", "url"]);
const RESULT_LABELS: Record<(typeof CALCULATED_RESULT_TYPES)[number], string> = { number: "Number", string: "Text", boolean: "Yes / no", date: "Date", datetime: "Date and time" };

export function ValidationProperties({ field, update, errorsFor, env }: Props) {
  const validation = ((field as { validation?: Record<string, unknown> }).validation ?? {}) as Record<string, unknown>;
  const setValidation = (patch: Record<string, unknown>, tag?: string) => update(withValidation(field, patch), tag ?? `validation:${field.key}:${Object.keys(patch).join()}`);
  const num = (name: string, label: string, extra: { step?: number; min?: number } = {}) => (
    <NumberProperty label={label} value={validation[name] as number | undefined} onChange={(value) => setValidation({ [name]: value })} errors={errorsFor(`validation.${name}`)} {...extra} />
  );
  const text = (name: string, label: string, placeholder?: string) => (
    <TextProperty label={label} value={validation[name] as string | undefined} onChange={(value) => setValidation({ [name]: value })} errors={errorsFor(`validation.${name}`)} placeholder={placeholder} />
  );
  const pair = (a: React.ReactNode, b: React.ReactNode) => <div className="grid grid-cols-2 gap-2">{a}{b}</div>;

  return (
    <div className="space-y-3">
      {TEXT_LENGTH.has(field.type) ? pair(num("minLength", "Min length", { step: 1, min: 0 }), num("maxLength", "Max length", { step: 1, min: 0 })) : null}
      {PATTERN.has(field.type) ? (
        <>
          {text("pattern", "Pattern (regular expression)", "^[A-Z]{2}[0-9]+$")}
          {text("patternMessage", "Message when the pattern does not match", "Use two letters and digits")}
        </>
      ) : null}
      {field.type === "number" ? (
        <>
          {pair(num("min", "Minimum"), num("max", "Maximum"))}
          <CheckboxProperty label="Whole numbers only" checked={validation.integer === true} onChange={(checked) => setValidation({ integer: checked || undefined })} />
        </>
      ) : null}
      {field.type === "currency" ? (
        <>
          <div className="grid grid-cols-2 gap-2">
            <TextProperty label="Currency code" value={field.currency} onChange={(currency) => update({ ...field, currency: currency.toUpperCase() }, `currency:${field.key}`)} errors={errorsFor("currency")} placeholder="USD" />
            <NumberProperty label="Decimals" value={field.decimals} step={1} min={0} onChange={(decimals) => update({ ...field, decimals }, `decimals:${field.key}`)} errors={errorsFor("decimals")} />
          </div>
          {pair(num("min", "Minimum"), num("max", "Maximum"))}
        </>
      ) : null}
      {field.type === "date" ? pair(text("min", "Earliest", "2026-01-01"), text("max", "Latest", "2026-12-31")) : null}
      {field.type === "datetime" ? pair(text("min", "Earliest", "2026-01-01T00:00:00Z"), text("max", "Latest", "2026-12-31T23:59:00Z")) : null}
      {field.type === "time" ? pair(text("min", "Earliest", "09:00"), text("max", "Latest", "17:00")) : null}
      {isOptionField(field) ? (
        <>
          <OptionSourcePicker source={field.source} onChange={(source) => update({ ...field, source })} errors={[...errorsFor("source"), ...errorsStarting(errorsFor, "source.")]} />
          {field.source ? null : (
            <OptionsEditor options={field.options} onChange={(options, tag) => update({ ...field, options }, tag ? `${tag}:${field.key}` : undefined)} errors={[...errorsFor("options"), ...optionErrors(errorsFor)]} />
          )}
        </>
      ) : null}
      {field.type === "multi_select" || field.type === "checkbox_group" ? pair(num("minSelected", "Min choices", { step: 1, min: 0 }), num("maxSelected", "Max choices", { step: 1, min: 0 })) : null}
      {field.type === "rating" ? <NumberProperty label="Highest rating" value={field.max} step={1} min={3} onChange={(max) => update({ ...field, max }, `max:${field.key}`)} errors={errorsFor("max")} /> : null}
      {field.type === "file" ? (
        <>
          <CheckboxProperty label="Allow several files" checked={field.multiple === true} onChange={(multiple) => update(withValidation({ ...field, multiple: multiple || undefined }, multiple ? {} : { maxFiles: undefined }))} />
          <TextProperty
            label="Allowed file types"
            value={((validation.accept as string[] | undefined) ?? []).join(", ")}
            onChange={(value) => setValidation({ accept: value.split(",").map((part) => part.trim().toLowerCase()).filter(Boolean) }, `accept:${field.key}`)}
            errors={[...errorsFor("validation.accept"), ...errorsStarting(errorsFor, "validation.accept.")]}
            placeholder="image/*, application/pdf"
            hint="MIME types separated by commas; empty allows any type."
          />
          {pair(num("maxSizeMb", "Max size (MB)", { min: 0 }), field.multiple ? num("maxFiles", "Max files", { step: 1, min: 1 }) : null)}
        </>
      ) : null}
      {field.type === "calculated" ? <CalculatedProperties field={field} update={update} errorsFor={errorsFor} env={env} /> : null}
      {field.type === "repeating_group" ? (
        <>
          {pair(num("minRows", "Min rows", { step: 1, min: 0 }), num("maxRows", "Max rows", { step: 1, min: 1 }))}
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium text-slate-700">Unique within the group</legend>
            {field.fields.filter(isInputField).map((sub) => {
              const unique = (validation.uniqueWithinGroup as string[] | undefined) ?? [];
              return (
                <CheckboxProperty
                  key={sub.key}
                  label={sub.label || sub.key}
                  checked={unique.includes(sub.key)}
                  onChange={(checked) => setValidation({ uniqueWithinGroup: checked ? [...unique, sub.key] : unique.filter((key) => key !== sub.key) })}
                />
              );
            })}
            {errorsStarting(errorsFor, "validation.uniqueWithinGroup").map((message) => (
              <p key={message} className="text-xs text-red-600">
                {message}
              </p>
            ))}
          </fieldset>
        </>
      ) : null}
    </div>
  );
}

// errorsFor answers one exact property; these collect the indexed ones ("options.2.value").
const optionErrors = (errorsFor: Props["errorsFor"]) => errorsStarting(errorsFor, "options.");
function errorsStarting(errorsFor: Props["errorsFor"], prefix: string): string[] {
  return errorsFor(`${prefix}*`);
}

function CalculatedProperties({ field, update, errorsFor, env }: { field: Extract<AnyField, { type: "calculated" }>; update: TUpdate; errorsFor: Props["errorsFor"]; env: TypeEnv }) {
  const id = useId();
  const expected = { number: t.number, string: t.string, boolean: t.boolean, date: t.date, datetime: t.datetime }[field.resultType];
  const check = useMemo(() => checkExpression(field.expression, env, { expected }), [field.expression, env, expected]);
  const serverErrors = errorsFor("expression");
  return (
    <div className="space-y-3">
      <SelectProperty label="Result type" value={field.resultType} options={CALCULATED_RESULT_TYPES.map((value) => ({ value, label: RESULT_LABELS[value] }))} onChange={(resultType) => update({ ...field, resultType })} />
      <div className="space-y-1">
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          Expression
        </label>
        <textarea
          id={id}
          value={field.expression}
          onChange={(event) => update({ ...field, expression: event.target.value }, `expression:${field.key}`)}
          rows={3}
          spellCheck={false}
          aria-describedby={`${id}-check`}
          aria-invalid={!check.ok || undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm"
          placeholder="quantity * unit_price"
        />
        <div id={`${id}-check`} aria-live="polite" className="text-xs">
          {check.ok ? <span className="text-green-700">✓ Valid expression</span> : check.diagnostics.slice(0, 3).map((diagnostic, index) => <p key={index} className="text-red-600">{diagnostic.message}</p>)}
          {check.ok ? serverErrors.map((message) => <p key={message} className="text-red-600">{message}</p>) : null}
        </div>
        <p className="text-xs text-slate-500">Fields you can use: {Object.keys(env).join(", ") || "none yet"}</p>
      </div>
    </div>
  );
}
