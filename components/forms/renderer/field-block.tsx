"use client";

import { Controller, useFieldArray, type Control, type FieldErrors } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FIELD_CONTROLS, GROUPED_TYPES } from "@/components/forms/fields/field-control";
import { describedBy, errorId, FieldShell } from "@/components/forms/fields/field-shell";
import { ReadOnlyValue } from "@/components/forms/fields/read-only-value";
import { isInputField, MAX_ROWS, type TField, type TGroupField, type TSubField } from "@/lib/forms/field-types";
import type { TFormState } from "@/lib/forms/submission";
import type { TFileSummary, TRendererContext } from "./types";
import { domId, emptyRow } from "./values";

// One field of the runtime form at a path: a section heading, a calculated value, a repeating
// group, or an input control — or nothing while its show condition hides it.

export type TBlockEnv = {
  control: Control<Record<string, unknown>>;
  errors: FieldErrors;
  state: TFormState;
  hidden: ReadonlySet<string>;
  disabled: ReadonlySet<string>;
  required: ReadonlySet<string>;
  context: TRendererContext;
  onFileUploaded: (id: string, file: TFileSummary) => void;
};

function valueAt(data: Record<string, unknown>, path: string): unknown {
  let node: unknown = data;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function FieldBlock({ field, path, env }: { field: TField | TSubField; path: string; env: TBlockEnv }) {
  if (env.hidden.has(path)) return null;
  const id = domId(path);
  if (field.type === "section") {
    return (
      <div className="border-b border-slate-200 pb-2 pt-4 first:pt-0">
        <h2 className="text-lg font-semibold text-slate-900">{field.label}</h2>
        {field.help ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-600">{field.help}</p> : null}
      </div>
    );
  }
  if (field.type === "calculated") {
    return (
      <div className="space-y-1">
        <span id={`${id}-label`} className="block text-sm font-medium text-slate-700">
          {field.label}
        </span>
        <output id={id} aria-labelledby={`${id}-label`} aria-live="polite" className="block rounded-md border border-dashed border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-900">
          <ReadOnlyValue field={field} value={valueAt(env.state.data, path)} context={env.context} />
        </output>
        {field.help ? <p className="text-xs text-slate-500">{field.help}</p> : null}
      </div>
    );
  }
  if (field.type === "repeating_group") return <GroupBlock field={field} path={path} env={env} />;
  if (!isInputField(field)) return null;
  const Control = FIELD_CONTROLS[field.type];
  const isRequired = field.required === true || env.required.has(path);
  const isDisabled = env.disabled.has(path);
  return (
    <Controller
      control={env.control}
      name={path}
      render={({ field: rhf, fieldState }) => {
        const error = fieldState.error?.message;
        return (
          <FieldShell id={id} label={field.label || field.key} help={field.help} error={error} required={isRequired} isGroup={GROUPED_TYPES.has(field.type)}>
            <Control
              field={field}
              name={path}
              id={id}
              value={rhf.value}
              onChange={rhf.onChange}
              onBlur={rhf.onBlur}
              invalid={Boolean(error)}
              describedBy={describedBy(id, Boolean(field.help), Boolean(error))}
              disabled={isDisabled}
              required={isRequired}
              context={env.context}
              onFileUploaded={env.onFileUploaded}
            />
          </FieldShell>
        );
      }}
    />
  );
}

function groupError(errors: FieldErrors, path: string): string | undefined {
  const node = errors[path] as { message?: string; root?: { message?: string } } | undefined;
  return node?.message || node?.root?.message || undefined;
}

/** A repeating group: rows of sub-fields with add/remove inside its min/max rows. */
function GroupBlock({ field, path, env }: { field: TGroupField; path: string; env: TBlockEnv }) {
  const { fields: rows, append, remove } = useFieldArray({ control: env.control, name: path as never });
  const { minRows = 0, maxRows = MAX_ROWS } = field.validation ?? {};
  const id = domId(path);
  const error = groupError(env.errors, path);
  const isDisabled = env.disabled.has(path);
  return (
    <fieldset id={id} tabIndex={-1} className="space-y-3 rounded-md border border-slate-200 p-3 sm:p-4" aria-describedby={error ? errorId(id) : undefined}>
      <legend className="px-1 text-sm font-semibold text-slate-800">{field.label}</legend>
      {field.help ? <p className="text-xs text-slate-500">{field.help}</p> : null}
      {rows.length === 0 ? <p className="text-sm text-slate-500">No rows yet.</p> : null}
      <ol className="space-y-3">
        {rows.map((row, index) => (
          <li key={row.id} className="rounded-md bg-slate-50 p-3">
            <div className="mb-2 flex items-center justify-between">
              <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Row {index + 1}</span>
              <button
                type="button"
                onClick={() => remove(index)}
                disabled={isDisabled || rows.length <= minRows}
                className="rounded px-2 py-1 text-xs text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-40"
                aria-label={`Remove row ${index + 1} of ${field.label}`}
              >
                Remove
              </button>
            </div>
            <div className="grid gap-3 sm:grid-cols-[repeat(auto-fit,minmax(11rem,1fr))]">
              {field.fields.map((sub) => (
                <FieldBlock key={sub.key} field={sub} path={`${path}.${index}.${sub.key}`} env={env} />
              ))}
            </div>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={isDisabled || rows.length >= maxRows} onClick={() => append(emptyRow(field.fields) as never)}>
          Add row
        </Button>
        <span className="text-xs text-slate-500">
          {rows.length} row{rows.length === 1 ? "" : "s"}
          {minRows > 0 ? `, at least ${minRows}` : ""}
          {maxRows < MAX_ROWS ? `, at most ${maxRows}` : ""}
        </span>
      </div>
      {error ? (
        <p id={errorId(id)} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
