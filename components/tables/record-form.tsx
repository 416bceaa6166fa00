"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FieldShell, describedBy } from "@/components/forms/fields/field-shell";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/inputs";
import { isComputed, type TColumn } from "@/lib/tables/columns";
import { createRecordAction, updateRecordAction } from "@/lib/tables/actions";
import { editorValue } from "@/lib/tables/cell-format";
import type { TPicked } from "./record-picker";
import type { TGridContext, TGridTable } from "./types";
import { ValueInput } from "./value-input";

type Existing = { id: string; data: Record<string, unknown>; links: Record<string, TPicked[]> };

const GROUPED = new Set(["multi_select", "boolean"]);

function startValues(columns: readonly TColumn[], existing?: Existing): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.type === "relation") values[column.key] = existing?.links[column.key] ?? [];
    else if (column.type === "file") values[column.key] = existing?.data[column.key] ?? (column.maxFiles > 1 ? [] : "");
    else if (existing) values[column.key] = editorValue(column, existing.data[column.key]);
    else values[column.key] = "default" in column && column.default !== undefined ? column.default : editorValue(column, undefined);
  }
  return values;
}

/** What the server receives for a column: relation picks become record ids. */
const toServer = (column: TColumn, value: unknown) => (column.type === "relation" ? (value as TPicked[]).map((item) => item.id) : value);

/**
 * One input per writable column, for a new record or for editing one. The server judges the values
 * (the same checker as the API and the import) and its messages land under the fields. An edit sends
 * only the changed columns, with the values it started from, so a concurrent change is not overwritten.
 */
export function RecordForm({ table, context, existing, onSaved, onCancel }: { table: TGridTable; context: TGridContext; existing?: Existing; onSaved: (id: string) => void; onCancel: () => void }) {
  const columns = table.columns.filter((column) => !isComputed(column));
  const [initial] = useState(() => startValues(columns, existing));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFormError(undefined);
    try {
      const changed = columns.filter((column) => !existing || JSON.stringify(values[column.key]) !== JSON.stringify(initial[column.key]));
      const payload = Object.fromEntries(changed.map((column) => [column.key, toServer(column, values[column.key])]));
      const result = existing
        ? await updateRecordAction({ tableId: table.id, recordId: existing.id, values: payload, base: Object.fromEntries(changed.filter((column) => column.type !== "relation").map((column) => [column.key, existing.data[column.key] ?? null])) })
        : await createRecordAction({ tableId: table.id, values: payload });
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([key, messages]) => [key.replace(/^values\./, ""), messages[0] ?? ""])));
        setFormError(result.error);
        return;
      }
      setErrors({});
      toast.success(existing ? "Record saved" : "Record created");
      onSaved(existing?.id ?? (result.data as { id: string }).id);
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      {columns.map((column) => {
        const id = `record-${column.key}`;
        const error = errors[column.key];
        const required = "required" in column && column.required === true;
        return (
          <FieldShell key={column.key} id={id} label={column.label} help={column.description} error={error} required={required} isGroup={GROUPED.has(column.type)}>
            <ValueInput
              column={column}
              id={id}
              value={values[column.key]}
              onChange={(value) => setValues((current) => ({ ...current, [column.key]: value }))}
              invalid={Boolean(error)}
              describedBy={describedBy(id, Boolean(column.description), Boolean(error))}
              context={context}
            />
          </FieldShell>
        );
      })}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : existing ? "Save changes" : "Create record"}
        </Button>
      </div>
    </form>
  );
}
