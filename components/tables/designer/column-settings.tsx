"use client";

import type { ReactNode } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/inputs";
import type { TypeEnv } from "@/lib/expressions/types";
import { canBeRequired, canBeUnique, retypeColumn, withSetting, type TColumnDraft } from "@/lib/tables/column-drafts";
import { COLUMN_TYPE_LABELS, type TColumnType } from "@/lib/tables/columns";
import type { TColour } from "@/lib/tables/options-paste";
import type { TTableColumnChoice } from "@/lib/tables/queries";
import { FormulaCheck } from "./formula-check";
import { SelectOptionsEditor } from "./select-options-editor";

// The plain Button variants fix a text colour; a destructive but secondary action needs its own red.
const DESTRUCTIVE_LINK = "inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50";

type Props = {
  uid: string;
  column: TColumnDraft;
  saved: boolean;
  /** Problems by setting name ("source", "options", …). */
  errors: Record<string, string>;
  tables: TTableColumnChoice[];
  /** This table's id and current columns (a relation may point at its own table). */
  ownTableId: string;
  ownColumns: { key: string; label: string }[];
  formulaEnv: TypeEnv;
  onChange: (column: TColumnDraft) => void;
  onLabelChange: (label: string) => void;
  onKeyChange: (key: string) => void;
  onRemove: () => void;
};

const TEXTUAL = new Set<TColumnType>(["text", "long_text", "email", "url", "phone"]);
const NUMERIC = new Set<TColumnType>(["number", "decimal", "currency"]);

/** The settings of one column, by its type. Every input is labelled and shows its own server error. */
export function ColumnSettings({ uid, column, saved, errors, tables, ownTableId, ownColumns, formulaEnv, onChange, onLabelChange, onKeyChange, onRemove }: Props) {
  const id = (name: string) => `col-${uid}-${name}`;
  const set = (name: string, value: unknown) => onChange(withSetting(column, name, value));
  const text = (name: string) => (typeof column[name] === "string" ? (column[name] as string) : "");
  const number = (name: string) => (typeof column[name] === "number" ? String(column[name]) : "");
  const toNumber = (value: string) => (value.trim() === "" ? undefined : Number(value));
  const defaultTableId = tables.find((table) => table.id !== ownTableId)?.id ?? ownTableId;

  const textInput = (name: string, label: string, options: { hint?: string; type?: string; mono?: boolean } = {}) => (
    <Field id={id(name)} label={label} error={errors[name]} hint={options.hint}>
      <Input id={id(name)} type={options.type ?? "text"} className={options.mono ? "font-mono" : undefined} value={text(name)} invalid={!!errors[name]} errorId={`${id(name)}-error`} onChange={(event) => set(name, event.target.value)} />
    </Field>
  );
  const numberInput = (name: string, label: string, options: { hint?: string; step?: string; min?: number } = {}) => (
    <Field id={id(name)} label={label} error={errors[name]} hint={options.hint}>
      <Input id={id(name)} type="number" inputMode="decimal" step={options.step ?? "any"} min={options.min} value={number(name)} invalid={!!errors[name]} errorId={`${id(name)}-error`} onChange={(event) => set(name, toNumber(event.target.value))} />
    </Field>
  );
  const check = (name: string, label: string, hint?: string) => (
    <div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="h-4 w-4" checked={column[name] === true} onChange={(event) => onChange({ ...column, [name]: event.target.checked })} aria-describedby={hint ? `${id(name)}-hint` : undefined} />
        {label}
      </label>
      {hint ? (
        <p id={`${id(name)}-hint`} className="pl-6 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors[name] ? <p className="pl-6 text-sm text-red-600">{errors[name]}</p> : null}
    </div>
  );

  const type = column.type;
  const targetId = typeof column.tableId === "string" ? column.tableId : "";
  const targetColumns = targetId === ownTableId ? ownColumns : (tables.find((table) => table.id === targetId)?.columns ?? []);
  const optionErrors = Object.entries(errors).filter(([name]) => name === "options" || name.startsWith("options."));

  let specific: ReactNode = null;
  if (type === "text" || type === "long_text") {
    specific = (
      <>
        <div className="grid grid-cols-2 gap-3">
          {numberInput("minLength", "Minimum length", { step: "1", min: 0 })}
          {numberInput("maxLength", "Maximum length", { step: "1", min: 1 })}
        </div>
        {textInput("pattern", "Pattern", { mono: true, hint: "A regular expression the whole value must match, e.g. [A-Z]{2}-\\d{4}" })}
        {textInput("patternMessage", "Message when the pattern does not match")}
      </>
    );
  } else if (NUMERIC.has(type)) {
    specific = (
      <>
        <div className="grid grid-cols-2 gap-3">
          {numberInput("min", "Minimum")}
          {numberInput("max", "Maximum")}
        </div>
        {type === "decimal" ? numberInput("scale", "Decimal places", { step: "1", min: 0 }) : null}
        {type === "currency" ? textInput("currency", "Currency code", { hint: "ISO code such as EUR, USD, GBP", mono: true }) : null}
      </>
    );
  } else if (type === "date") {
    specific = (
      <div className="grid grid-cols-2 gap-3">
        {textInput("min", "Earliest date", { type: "date" })}
        {textInput("max", "Latest date", { type: "date" })}
      </div>
    );
  } else if (type === "single_select" || type === "multi_select") {
    specific = (
      <SelectOptionsEditor
        idPrefix={id("")}
        options={(Array.isArray(column.options) ? column.options : []) as { value: string; color: TColour }[]}
        error={optionErrors.map(([, message]) => message).join("; ") || undefined}
        onChange={(options) => onChange({ ...column, options })}
      />
    );
  } else if (type === "relation") {
    specific = (
      <>
        <Field id={id("tableId")} label="Related table" error={errors.tableId}>
          <Select id={id("tableId")} value={targetId} invalid={!!errors.tableId} errorId={`${id("tableId")}-error`} onChange={(event) => onChange(withSetting({ ...column, tableId: event.target.value }, "displayColumn", undefined))}>
            <option value="">— Choose a table —</option>
            {tables.map((table) => (
              <option key={table.id} value={table.id}>
                {table.displayName}
                {table.id === ownTableId ? " (this table)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("cardinality")} label="Links to" error={errors.cardinality}>
          <Select id={id("cardinality")} value={text("cardinality") || "one"} onChange={(event) => set("cardinality", event.target.value)}>
            <option value="one">One record (many-to-one)</option>
            <option value="many">Several records (many-to-many)</option>
          </Select>
        </Field>
        <Field id={id("displayColumn")} label="Display column" error={errors.displayColumn} hint="Which column names a related record in pickers and the grid.">
          <Select id={id("displayColumn")} value={text("displayColumn")} invalid={!!errors.displayColumn} errorId={`${id("displayColumn")}-error`} onChange={(event) => set("displayColumn", event.target.value)}>
            <option value="">— Record number —</option>
            {targetColumns
              .filter((candidate) => candidate.key !== column.key)
              .map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {candidate.label}
                </option>
              ))}
          </Select>
        </Field>
      </>
    );
  } else if (type === "file") {
    specific = numberInput("maxFiles", "Most files per record", { step: "1", min: 1 });
  } else if (type === "auto_number") {
    specific = textInput("prefix", "Prefix", { hint: "Shown before the number, e.g. INV-" });
  } else if (type === "formula") {
    specific = (
      <div className="space-y-1">
        <label htmlFor={id("source")} className="block text-sm font-medium text-slate-700">
          Formula
        </label>
        <Textarea
          id={id("source")}
          rows={3}
          className="font-mono"
          value={text("source")}
          invalid={!!errors.source}
          errorId={`${id("source")}-error`}
          aria-describedby={`${id("source")}-check`}
          onChange={(event) => onChange({ ...column, source: event.target.value })}
        />
        <FormulaCheck id={`${id("source")}-check`} source={text("source")} env={formulaEnv} />
        {errors.source ? (
          <p id={`${id("source")}-error`} className="text-sm text-red-600">
            {errors.source}
          </p>
        ) : null}
        <p className="text-xs text-slate-500">Columns you can use: {Object.keys(formulaEnv).join(", ") || "none yet"}.</p>
      </div>
    );
  }

  let defaultInput: ReactNode = null;
  if (TEXTUAL.has(type)) defaultInput = textInput("default", "Default value");
  else if (NUMERIC.has(type)) defaultInput = numberInput("default", "Default value");
  else if (type === "date") defaultInput = textInput("default", "Default value", { type: "date" });
  else if (type === "datetime") defaultInput = textInput("default", "Default value", { hint: "ISO date-time with offset, e.g. 2026-01-31T09:00:00Z" });
  else if (type === "boolean")
    defaultInput = (
      <Field id={id("default")} label="Default value" error={errors.default}>
        <Select id={id("default")} value={column.default === true ? "yes" : column.default === false ? "no" : ""} onChange={(event) => set("default", event.target.value === "" ? undefined : event.target.value === "yes")}>
          <option value="">— None —</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </Select>
      </Field>
    );
  else if (type === "single_select")
    defaultInput = (
      <Field id={id("default")} label="Default value" error={errors.default}>
        <Select id={id("default")} value={text("default")} invalid={!!errors.default} errorId={`${id("default")}-error`} onChange={(event) => set("default", event.target.value)}>
          <option value="">— None —</option>
          {(Array.isArray(column.options) ? (column.options as { value: string }[]) : []).filter((option) => option.value).map((option) => (
            <option key={option.value} value={option.value}>
              {option.value}
            </option>
          ))}
        </Select>
      </Field>
    );

  return (
    <section aria-label={`Settings of ${column.label || "the new column"}`} className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id("label")} label="Label" error={errors.label}>
          <Input id={id("label")} value={column.label} invalid={!!errors.label} errorId={`${id("label")}-error`} onChange={(event) => onLabelChange(event.target.value)} />
        </Field>
        <Field id={id("key")} label="Key" error={errors.key} hint={saved ? "Stable: renaming the label never moves data." : "Derived from the label; fixed once saved."}>
          <Input id={id("key")} className="font-mono" value={column.key} readOnly={saved} disabled={saved} invalid={!!errors.key} errorId={`${id("key")}-error`} onChange={(event) => onKeyChange(event.target.value)} />
        </Field>
      </div>
      <Field id={id("type")} label="Type" error={errors.type}>
        <Select id={id("type")} value={type} invalid={!!errors.type} errorId={`${id("type")}-error`} onChange={(event) => onChange(retypeColumn(column, event.target.value as TColumnType, { defaultTableId }))}>
          {(Object.entries(COLUMN_TYPE_LABELS) as [TColumnType, string][]).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {textInput("description", "Description")}
      <div className="grid gap-2 sm:grid-cols-2">
        {canBeRequired(type) ? check("required", "Required") : null}
        {canBeUnique(type) ? check("unique", "Unique", "No two records may share a value.") : null}
        {check("indexed", "Indexed", "Used in filters and sorting; off saves write time.")}
        {check("hidden", "Hidden", "Not shown in the grid by default.")}
      </div>
      {specific}
      {defaultInput}
      {errors[""] ? <p className="text-sm text-red-600">{errors[""]}</p> : null}
      <div className="border-t border-slate-100 pt-3">
        <button type="button" className={DESTRUCTIVE_LINK} onClick={onRemove}>
          Remove column
        </button>
        {saved ? <p className="text-xs text-slate-500">Removing a saved column deletes its values when you save.</p> : null}
      </div>
    </section>
  );
}
