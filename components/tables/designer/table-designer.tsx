"use client";

import Link from "next/link";
import { useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConflictBanner } from "@/components/ui/conflict-banner";
import { Card } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/inputs";
import type { FieldErrors } from "@/lib/errors";
import { describeChange, newColumn, type TColumnDraft } from "@/lib/tables/column-drafts";
import { ZColumn, type TColumn } from "@/lib/tables/columns";
import { previewTableAction, updateTableAction } from "@/lib/tables/designer-actions";
import { deriveKey } from "@/lib/tables/keys";
import type { TTableColumnChoice } from "@/lib/tables/queries";
import { parseTableSchema, typeEnvOfColumns } from "@/lib/tables/schema-checks";
import { ArchiveTable } from "./archive-table";
import { ChangePreviewDialog } from "./change-preview-dialog";
import { ColumnList } from "./column-list";
import { ColumnSettings } from "./column-settings";
import type { TDesignerItem } from "./designer-item";

type Props = {
  table: { id: string; name: string; displayName: string; description: string | null; updatedAt: string };
  columns: TColumn[];
  tables: TTableColumnChoice[];
  canArchive: boolean;
};

let nextUid = 0;
const uid = () => `c${++nextUid}`;

/** Moves an element of a list from one position to another (new list). */
function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The table designer: column list, the selected column's settings, and a save that previews its effect on existing records. */
export function TableDesigner({ table, columns, tables, canArchive }: Props) {
  const [displayName, setDisplayName] = useState(table.displayName);
  const [description, setDescription] = useState(table.description ?? "");
  const [items, setItems] = useState<TDesignerItem[]>(() => columns.map((column) => ({ uid: uid(), saved: true, keyEdited: true, column: column as TColumnDraft })));
  const [selected, setSelected] = useState<string | null>(items[0]?.uid ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [updatedAt, setUpdatedAt] = useState(table.updatedAt);
  const [conflict, setConflict] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ lines: string[]; blocked: boolean } | null>(null);
  const [status, setStatus] = useState("");
  const [pending, start] = useTransition();
  const settingsRef = useRef<HTMLDivElement>(null);

  const schema = () => ({ columns: items.map((item) => item.column) });
  const related = () => {
    const map = new Map(tables.map((candidate) => [candidate.id, candidate.columns.map((column) => column.key)]));
    map.set(table.id, items.map((item) => item.column.key));
    return map;
  };

  // Errors are keyed by position ("columns.2.source"): regroup them by column for the list and the panel.
  const errorsByUid = useMemo(() => {
    const grouped = new Map<string, Record<string, string>>();
    for (const [path, messages] of Object.entries(errors)) {
      const match = /^columns\.(\d+)(?:\.(.*))?$/.exec(path);
      const item = match ? items[Number(match[1])] : undefined;
      if (!item) continue;
      const entry = grouped.get(item.uid) ?? {};
      entry[match![2] ?? ""] = messages[0] ?? "";
      grouped.set(item.uid, entry);
    }
    return grouped;
  }, [errors, items]);

  const selectedItem = items.find((item) => item.uid === selected) ?? null;
  const formulaEnv = useMemo(
    () => typeEnvOfColumns(items.filter((item) => item.uid !== selected).flatMap((item) => ZColumn.safeParse(item.column).data ?? [])),
    [items, selected],
  );

  const edit = (target: string, change: (item: TDesignerItem) => TDesignerItem) => setItems((current) => current.map((item) => (item.uid === target ? change(item) : item)));
  const takenKeys = (except: string) => new Set(items.filter((item) => item.uid !== except).map((item) => item.column.key));
  // Positions change under reorders and removals; errors keyed by position would then point at the wrong column.
  const reshaped = (next: TDesignerItem[]) => {
    setItems(next);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith("columns"))));
  };

  const add = () => {
    const item: TDesignerItem = { uid: uid(), saved: false, keyEdited: false, column: newColumn({ key: deriveKey("New column", takenKeys("")), label: "New column", type: "text" }) };
    setItems((current) => [...current, item]);
    setSelected(item.uid);
    requestAnimationFrame(() => (document.getElementById(`col-${item.uid}-label`) as HTMLInputElement | null)?.select());
  };
  const remove = (target: string) => {
    const index = items.findIndex((item) => item.uid === target);
    const next = items.filter((item) => item.uid !== target);
    reshaped(next);
    setSelected(next[Math.min(index, next.length - 1)]?.uid ?? null);
    setStatus(`Column removed${items[index]?.saved ? "; its values are deleted when you save" : ""}.`);
  };

  const showErrors = (fieldErrors: FieldErrors, message: string) => {
    setErrors(fieldErrors);
    const first = Object.keys(fieldErrors).map((path) => /^columns\.(\d+)/.exec(path)).find(Boolean);
    const item = first ? items[Number(first[1])] : undefined;
    if (item) setSelected(item.uid);
    setStatus(message);
    toast.error(message);
  };

  const apply = (payload: { columns: TColumnDraft[] }) =>
    start(async () => {
      try {
        const result = await updateTableAction({ tableId: table.id, displayName, description, columns: payload, expectedUpdatedAt: updatedAt });
        if (!result.ok) return showErrors(result.fieldErrors ?? {}, result.error);
        setPreview(null);
        if (result.data.status === "conflict") return setConflict(result.data.message);
        setUpdatedAt(result.data.updatedAt);
        setItems((current) => current.map((item) => ({ ...item, saved: true, keyEdited: true })));
        setErrors({});
        setStatus("Table saved.");
        toast.success("Table saved");
      } catch {
        toast.error("Could not reach the server. Check your connection and try again.");
      }
    });

  const save = () => {
    setConflict(null);
    const payload = schema();
    // The same checks the server runs, first here: most mistakes show at once, without a round trip.
    const local = parseTableSchema(payload, related());
    const nameErrors: FieldErrors = displayName.trim() ? {} : { displayName: ["Give the table a name"] };
    if (!local.ok || Object.keys(nameErrors).length) return showErrors({ ...nameErrors, ...(local.ok ? {} : local.errors) }, "Some columns need attention.");
    start(async () => {
      try {
        const result = await previewTableAction({ tableId: table.id, columns: payload });
        if (!result.ok) return showErrors(result.fieldErrors ?? {}, result.error);
        const conversions = new Map(result.data.conversions.map((conversion) => [conversion.key, conversion]));
        const lines = result.data.changes.map((change) => describeChange(change, "key" in change ? conversions.get(change.key) : undefined, result.data.liveRows)).filter((line): line is string => line !== null);
        if (lines.length) {
          setPreview({ lines, blocked: result.data.conversions.some((conversion) => conversion.failing > 0) });
          return;
        }
        apply(payload);
      } catch {
        toast.error("Could not reach the server. Check your connection and try again.");
      }
    });
  };

  return (
    <div className="space-y-4">
      {conflict ? <ConflictBanner message={conflict} reloadLabel="Reload the table" /> : null}
      <Card className="grid gap-4 p-4 md:grid-cols-2">
        <Field id="table-display-name" label="Table name" error={errors.displayName?.[0]}>
          <Input id="table-display-name" value={displayName} invalid={!!errors.displayName} errorId="table-display-name-error" onChange={(event) => setDisplayName(event.target.value)} />
        </Field>
        <Field id="table-description" label="Description" error={errors.description?.[0]}>
          <Textarea id="table-description" rows={1} value={description} onChange={(event) => setDescription(event.target.value)} />
        </Field>
        <p className="text-xs text-slate-500 md:col-span-2">
          Key <span className="font-mono">{table.name}</span> ·{" "}
          <Link href={`/tables/${table.name}`} className="font-medium text-brand hover:underline">
            Open the records
          </Link>
        </p>
      </Card>
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Card className="h-fit p-3">
          <ColumnList
            items={items}
            selected={selected}
            invalid={new Set(errorsByUid.keys())}
            onSelect={(target) => {
              setSelected(target);
              requestAnimationFrame(() => settingsRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus());
            }}
            onMove={(from, to) => reshaped(moved(items, from, to))}
            onAdd={add}
          />
        </Card>
        <Card className="p-4">
          <div ref={settingsRef}>
          {selectedItem ? (
            <ColumnSettings
              key={selectedItem.uid}
              uid={selectedItem.uid}
              column={selectedItem.column}
              saved={selectedItem.saved}
              errors={errorsByUid.get(selectedItem.uid) ?? {}}
              tables={tables}
              ownTableId={table.id}
              ownColumns={items.map((item) => ({ key: item.column.key, label: item.column.label }))}
              formulaEnv={formulaEnv}
              onChange={(column) => edit(selectedItem.uid, (item) => ({ ...item, column }))}
              onLabelChange={(label) =>
                edit(selectedItem.uid, (item) => ({
                  ...item,
                  column: { ...item.column, label, ...(item.saved || item.keyEdited ? {} : { key: deriveKey(label, takenKeys(item.uid)) }) },
                }))
              }
              onKeyChange={(key) => edit(selectedItem.uid, (item) => ({ ...item, keyEdited: true, column: { ...item.column, key } }))}
              onRemove={() => remove(selectedItem.uid)}
            />
          ) : (
            <p className="text-sm text-slate-500">Select a column to edit its settings, or add one.</p>
          )}
          </div>
        </Card>
      </div>
      <div className="sticky bottom-0 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white/95 py-3 backdrop-blur">
        <p role="status" aria-live="polite" className="text-sm text-slate-600">
          {status}
        </p>
        <div className="flex gap-2">
          {canArchive ? <ArchiveTable tableId={table.id} displayName={table.displayName} /> : null}
          <Button type="button" onClick={save} disabled={pending}>
            {pending ? "Saving…" : "Save table"}
          </Button>
        </div>
      </div>
      <ChangePreviewDialog open={preview !== null} lines={preview?.lines ?? []} blocked={preview?.blocked ?? false} pending={pending} onApply={() => apply(schema())} onCancel={() => setPreview(null)} />
    </div>
  );
}
