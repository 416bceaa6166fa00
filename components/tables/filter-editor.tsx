"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/inputs";
import type { TColumn } from "@/lib/tables/columns";
import { OPS_BY_KIND, type TFilterOp } from "@/lib/tables/filter-ops";
import { valueKind } from "@/lib/tables/value-kind";
import { opLabel, type TViewCondition } from "@/lib/tables/view-state";
import { RecordPicker, type TPicked } from "./record-picker";
import type { TGridContext, TGridTable } from "./types";

const NO_VALUE = new Set<TFilterOp>(["is_empty", "is_not_empty"]);
const LIST_OPS = new Set<TFilterOp>(["in", "not_in", "has_any", "has_all"]);

/** The choices of a select-like column (options, people, departments), or null for typed values. */
function choicesOf(column: TColumn, context: TGridContext): { value: string; label: string }[] | null {
  if (column.type === "single_select" || column.type === "multi_select") return column.options.map((option) => ({ value: option.value, label: option.value }));
  if (column.type === "user") return context.users.map((user) => ({ value: user.id, label: user.label }));
  if (column.type === "department") return context.departments.map((department) => ({ value: department.id, label: department.label }));
  return null;
}

const inputType = (column: TColumn) => (column.type === "date" || column.type === "datetime" ? "date" : "text");

/** Adds one filter condition: a column, an operator that makes sense for its type, and its value(s). */
export function FilterEditor({ table, context, onAdd, onCancel }: { table: TGridTable; context: TGridContext; onAdd: (condition: TViewCondition) => void; onCancel: () => void }) {
  const filterable = table.columns.filter((column) => OPS_BY_KIND[valueKind(column, { columns: table.columns })].length > 0);
  const [columnKey, setColumnKey] = useState(filterable[0]?.key ?? "");
  const column = filterable.find((candidate) => candidate.key === columnKey);
  const ops = column ? OPS_BY_KIND[valueKind(column, { columns: table.columns })] : [];
  const [op, setOp] = useState<TFilterOp>(ops[0] ?? "equals");
  const [value, setValue] = useState("");
  const [to, setTo] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [record, setRecord] = useState<TPicked[]>([]);
  const [error, setError] = useState<string>();

  const chooseColumn = (key: string) => {
    setColumnKey(key);
    const next = filterable.find((candidate) => candidate.key === key);
    setOp((next ? OPS_BY_KIND[valueKind(next, { columns: table.columns })][0] : undefined) ?? "equals");
    setValue("");
    setTo("");
    setPicked([]);
    setRecord([]);
    setError(undefined);
  };

  if (!column) return <p className="text-sm text-slate-500">This table has no column to filter by.</p>;
  const choices = choicesOf(column, context);
  const isNumber = valueKind(column, { columns: table.columns }) === "number";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!column) return;
    if (NO_VALUE.has(op)) return onAdd({ column: column.key, op });
    if (column.type === "relation") {
      if (!record[0]) return setError("Choose a record");
      return onAdd({ column: column.key, op, value: record[0].id, label: record[0].label });
    }
    if (column.type === "boolean") return onAdd({ column: column.key, op, value: value === "yes" });
    if (LIST_OPS.has(op)) {
      if (!picked.length) return setError("Choose at least one value");
      return onAdd({ column: column.key, op, value: picked });
    }
    if (!value.trim()) return setError("Enter a value");
    if (isNumber && !Number.isFinite(Number(value))) return setError("Enter a number");
    if (op === "between") {
      if (!to.trim()) return setError("Enter the upper bound");
      if (isNumber && !Number.isFinite(Number(to))) return setError("Enter a number as the upper bound");
      return onAdd({ column: column.key, op, value: isNumber ? Number(value) : value, to: isNumber ? Number(to) : to });
    }
    onAdd({ column: column.key, op, value: isNumber ? Number(value) : value });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Add a filter">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="filter-column" className="block text-sm font-medium text-slate-700">
            Column
          </label>
          <Select id="filter-column" value={columnKey} onChange={(event) => chooseColumn(event.target.value)}>
            {filterable.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {candidate.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-op" className="block text-sm font-medium text-slate-700">
            Condition
          </label>
          <Select id="filter-op" value={op} onChange={(event) => (setOp(event.target.value as TFilterOp), setError(undefined))}>
            {ops.map((candidate) => (
              <option key={candidate} value={candidate}>
                {opLabel(candidate, column)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {NO_VALUE.has(op) ? null : column.type === "relation" ? (
        <div className="space-y-1">
          <label htmlFor="filter-record" className="block text-sm font-medium text-slate-700">
            Record
          </label>
          <RecordPicker id="filter-record" tableId={column.tableId} displayColumn={column.displayColumn} value={record} multiple={false} onChange={setRecord} label={column.label} />
        </div>
      ) : column.type === "boolean" ? (
        <div className="space-y-1">
          <label htmlFor="filter-value" className="block text-sm font-medium text-slate-700">
            Value
          </label>
          <Select id="filter-value" value={value || "yes"} onChange={(event) => setValue(event.target.value)}>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </Select>
        </div>
      ) : LIST_OPS.has(op) && choices ? (
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium text-slate-700">Values</legend>
          <div className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
            {choices.map((choice) => (
              <label key={choice.value} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-[var(--brand)]"
                  checked={picked.includes(choice.value)}
                  onChange={(event) => setPicked((current) => (event.target.checked ? [...current, choice.value] : current.filter((item) => item !== choice.value)))}
                />
                {choice.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="filter-value" className="block text-sm font-medium text-slate-700">
              {op === "between" ? "From" : "Value"}
            </label>
            {choices && !LIST_OPS.has(op) ? (
              <Select id="filter-value" value={value} onChange={(event) => setValue(event.target.value)}>
                <option value="">Choose…</option>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input id="filter-value" type={inputType(column)} inputMode={isNumber ? "decimal" : undefined} value={value} onChange={(event) => setValue(event.target.value)} />
            )}
          </div>
          {op === "between" ? (
            <div className="space-y-1">
              <label htmlFor="filter-to" className="block text-sm font-medium text-slate-700">
                To
              </label>
              <Input id="filter-to" type={inputType(column)} inputMode={isNumber ? "decimal" : undefined} value={to} onChange={(event) => setTo(event.target.value)} />
            </div>
          ) : null}
        </div>
      )}
      {error ? (
        <p className="text-sm text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">Add filter</Button>
      </div>
    </form>
  );
}
