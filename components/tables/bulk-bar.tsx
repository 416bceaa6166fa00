"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { describedBy, FieldShell } from "@/components/forms/fields/field-shell";
import { Button } from "@/components/ui/button";
import { FormError, Select } from "@/components/ui/inputs";
import { purgeRecordsAction, restoreRecordsAction, deleteRecordsAction, setColumnForRecordsAction } from "@/lib/tables/actions";
import { editorValue, isInlineEditable } from "@/lib/tables/cell-format";
import { Dialog } from "./dialog";
import type { TGridContext, TGridPermissions, TGridTable } from "./types";
import { ValueInput } from "./value-input";

/**
 * What can be done with the selected records: move to the trash or set one column (live records);
 * restore or delete for good, after a confirmation (in the trash).
 */
export function BulkBar({ table, context, ids, trash, permissions, onDone }: { table: TGridTable; context: TGridContext; ids: string[]; trash: boolean; permissions: TGridPermissions; onDone: (message: string) => void }) {
  const [setting, setSetting] = useState(false);
  const [purging, setPurging] = useState(false);
  const [pending, setPending] = useState(false);
  const count = ids.length;
  const noun = count === 1 ? "record" : "records";

  async function run(action: typeof deleteRecordsAction, message: (count: number) => string) {
    setPending(true);
    try {
      const result = await action({ tableId: table.id, recordIds: ids });
      if (result.ok) onDone(message(result.data.count));
      else toast.error(result.error);
    } catch {
      toast.error("Could not reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  if (count === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm" role="region" aria-label="Selected records">
      <span className="font-medium">
        {count} {noun} selected
      </span>
      {trash ? (
        permissions.delete ? (
          <>
            <Button variant="secondary" className="py-1" disabled={pending} onClick={() => void run(restoreRecordsAction, (done) => `${done} ${done === 1 ? "record" : "records"} restored`)}>
              Restore
            </Button>
            <Button variant="danger" className="py-1" disabled={pending} onClick={() => setPurging(true)}>
              Delete permanently
            </Button>
          </>
        ) : null
      ) : (
        <>
          {permissions.update ? (
            <Button variant="secondary" className="py-1" onClick={() => setSetting(true)}>
              Set a column…
            </Button>
          ) : null}
          {permissions.delete ? (
            <Button variant="danger" className="py-1" disabled={pending} onClick={() => void run(deleteRecordsAction, (done) => `${done} ${done === 1 ? "record" : "records"} moved to the trash`)}>
              Move to trash
            </Button>
          ) : null}
        </>
      )}
      <Dialog open={purging} onClose={() => setPurging(false)} title={`Delete ${count} ${noun} permanently?`}>
        <p className="text-sm text-slate-600">They cannot be restored afterwards. Their history stays in the audit log.</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setPurging(false)}>
            Cancel
          </Button>
          <Button variant="danger" disabled={pending} onClick={() => void run(purgeRecordsAction, (done) => `${done} ${done === 1 ? "record" : "records"} deleted permanently`).then(() => setPurging(false))}>
            Delete permanently
          </Button>
        </div>
      </Dialog>
      <Dialog open={setting} onClose={() => setSetting(false)} title={`Set a column on ${count} ${noun}`}>
        {setting ? <SetColumnForm table={table} context={context} ids={ids} onDone={(message) => (setSetting(false), onDone(message))} /> : null}
      </Dialog>
    </div>
  );
}

function SetColumnForm({ table, context, ids, onDone }: { table: TGridTable; context: TGridContext; ids: string[]; onDone: (message: string) => void }) {
  const columns = table.columns.filter(isInlineEditable);
  const [key, setKey] = useState(columns[0]?.key ?? "");
  const column = columns.find((candidate) => candidate.key === key);
  const [value, setValue] = useState<unknown>(column ? editorValue(column, undefined) : "");
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const result = await setColumnForRecordsAction({ tableId: table.id, recordIds: ids, column: key, value });
      if (result.ok) return onDone(`${column?.label ?? key} set on ${result.data.count} ${result.data.count === 1 ? "record" : "records"}`);
      setError(result.fieldErrors?.value?.[0]);
      setFormError(result.error);
    } finally {
      setPending(false);
    }
  }

  if (!column) return <p className="text-sm text-slate-500">No column can be set this way.</p>;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <div className="space-y-1">
        <label htmlFor="bulk-column" className="block text-sm font-medium text-slate-700">
          Column
        </label>
        <Select
          id="bulk-column"
          value={key}
          onChange={(event) => {
            const next = columns.find((candidate) => candidate.key === event.target.value);
            setKey(event.target.value);
            setValue(next ? editorValue(next, undefined) : "");
            setError(undefined);
          }}
        >
          {columns.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label}
            </option>
          ))}
        </Select>
      </div>
      <FieldShell id="bulk-value" label="New value" error={error} required={false} isGroup={column.type === "boolean" || column.type === "multi_select"}>
        <ValueInput key={column.key} column={column} id="bulk-value" value={value} onChange={setValue} invalid={Boolean(error)} describedBy={describedBy("bulk-value", false, Boolean(error))} context={context} />
      </FieldShell>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : `Set on ${ids.length} ${ids.length === 1 ? "record" : "records"}`}
        </Button>
      </div>
    </form>
  );
}
