"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useState, type ReactNode } from "react";
import { SUB_FIELD_TYPES, typeLabel } from "@/lib/forms/builder/palette";
import type { TFormDefinition } from "@/lib/forms/definition";
import type { TField, TSubField } from "@/lib/forms/field-types";

// The canvas: the form's fields in order, each a sortable card (drag by its handle, or focus the
// handle and use Space + arrow keys), with move up/down, duplicate and delete buttons. Fields after a
// section heading are drawn inside that section; a repeating group lists its own sub-fields.

export const CANVAS_END = "canvas-end";
export const groupDropId = (key: string) => `group:${key}`;

export type TDropIndicator = { key: string; after: boolean } | null;

export type TCanvasActions = {
  onSelect: (key: string) => void;
  onMove: (key: string, by: -1 | 1) => void;
  onDuplicate: (key: string) => void;
  onDelete: (key: string) => void;
  onAddSub: (groupKey: string, type: TSubField["type"]) => void;
};

type Props = TCanvasActions & {
  definition: TFormDefinition;
  selectedKey: string | null;
  problemCounts: ReadonlyMap<string, number>;
  drop: TDropIndicator;
};

export function FormCanvas({ definition, selectedKey, problemCounts, drop, ...actions }: Props) {
  const end = useDroppable({ id: CANVAS_END, data: { kind: "end" } });
  let inSection = false;
  return (
    <div aria-label="Form fields" role="region" className="space-y-2">
      {definition.fields.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">This form has no fields yet. Drag one here from the palette.</p>
      ) : null}
      <SortableContext items={definition.fields.map((field) => field.key)} strategy={verticalListSortingStrategy}>
        <ol className="space-y-2">
          {definition.fields.map((field, index) => {
            if (field.type === "section") inSection = true;
            const nested = inSection && field.type !== "section";
            return (
              <FieldCard
                key={field.key}
                field={field}
                container={null}
                index={index}
                count={definition.fields.length}
                nested={nested}
                selectedKey={selectedKey}
                problemCounts={problemCounts}
                drop={drop}
                {...actions}
              >
                {field.type === "repeating_group" ? <GroupFields group={field} selectedKey={selectedKey} problemCounts={problemCounts} drop={drop} {...actions} /> : null}
              </FieldCard>
            );
          })}
        </ol>
      </SortableContext>
      <div
        ref={end.setNodeRef}
        data-testid="canvas-drop-end"
        className={`flex min-h-16 items-center justify-center rounded-md border-2 border-dashed text-xs ${end.isOver ? "border-brand bg-blue-50 text-brand" : "border-slate-200 text-slate-400"}`}
      >
        Drop a field here to add it at the end
      </div>
    </div>
  );
}

type CardProps = TCanvasActions & {
  field: TField | TSubField;
  container: string | null;
  index: number;
  count: number;
  nested?: boolean;
  selectedKey: string | null;
  problemCounts: ReadonlyMap<string, number>;
  drop: TDropIndicator;
  children?: ReactNode;
};

function conditionBadges(field: TField | TSubField): string[] {
  const conditions = (field as { conditions?: Record<string, { source: string } | undefined> }).conditions ?? {};
  const names: Record<string, string> = { show: "Conditional", require: "Required when…", disable: "Disabled when…" };
  return Object.entries(conditions)
    .filter(([, condition]) => condition?.source)
    .map(([kind]) => names[kind] ?? kind);
}

function FieldCard({ field, container, index, count, nested, selectedKey, problemCounts, drop, children, onSelect, onMove, onDuplicate, onDelete }: CardProps) {
  const sortable = useSortable({ id: field.key, data: { kind: "field", container } });
  const selected = selectedKey === field.key;
  const problems = problemCounts.get(field.key) ?? 0;
  const name = field.label || field.key;
  const isSection = field.type === "section";
  const style = { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition };
  const required = "required" in field && field.required;
  const small = "rounded px-1.5 py-1 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40 focus:outline-none focus:ring-2 focus:ring-brand";
  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      data-field-key={field.key}
      className={`relative ${nested ? "ml-4 border-l-2 border-slate-200 pl-3" : ""} ${sortable.isDragging ? "z-10 opacity-60" : ""}`}
    >
      {drop?.key === field.key ? <div aria-hidden="true" className={`absolute inset-x-0 h-0.5 bg-brand ${drop.after ? "-bottom-1.5" : "-top-1.5"}`} /> : null}
      <div
        onClick={() => onSelect(field.key)}
        className={`rounded-md border bg-white p-2.5 shadow-sm ${selected ? "border-brand ring-2 ring-brand/30" : "border-slate-200"} ${isSection ? "bg-slate-50" : ""}`}
      >
        <div className="flex items-start gap-2">
          <button
            type="button"
            ref={sortable.setActivatorNodeRef}
            {...sortable.attributes}
            {...sortable.listeners}
            aria-label={`Drag ${name}`}
            aria-roledescription="sortable field"
            className="mt-0.5 cursor-grab touch-none rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus:outline-none focus:ring-2 focus:ring-brand"
          >
            <span aria-hidden="true">⠿</span>
          </button>
          <button type="button" onClick={() => onSelect(field.key)} aria-pressed={selected} className="min-w-0 flex-1 text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-brand">
            <span className={`block truncate ${isSection ? "text-base font-semibold" : "text-sm font-medium"} text-slate-900`}>
              {name}
              {required ? <span className="text-red-600"> *</span> : null}
            </span>
            <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
              <span className="rounded bg-slate-100 px-1.5 py-0.5">{typeLabel(field.type)}</span>
              <code className="text-[11px]">{field.key}</code>
              {conditionBadges(field).map((badge) => (
                <span key={badge} className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-800">
                  {badge}
                </span>
              ))}
              {problems > 0 ? <span className="rounded bg-red-50 px-1.5 py-0.5 text-red-700">{problems} problem{problems === 1 ? "" : "s"}</span> : null}
            </span>
          </button>
          <div className="flex shrink-0 flex-wrap justify-end gap-0.5" onClick={(event) => event.stopPropagation()}>
            <button type="button" className={small} onClick={() => onMove(field.key, -1)} disabled={index === 0} aria-label={`Move ${name} up`}>
              ↑
            </button>
            <button type="button" className={small} onClick={() => onMove(field.key, 1)} disabled={index === count - 1} aria-label={`Move ${name} down`}>
              ↓
            </button>
            <button type="button" className={small} onClick={() => onDuplicate(field.key)} aria-label={`Duplicate ${name}`}>
              Copy
            </button>
            <button type="button" className={`${small} text-red-700 hover:bg-red-50`} onClick={() => onDelete(field.key)} aria-label={`Delete ${name}`}>
              Delete
            </button>
          </div>
        </div>
        {children}
      </div>
    </li>
  );
}

type GroupProps = TCanvasActions & { group: Extract<TField, { type: "repeating_group" }>; selectedKey: string | null; problemCounts: ReadonlyMap<string, number>; drop: TDropIndicator };

function GroupFields({ group, selectedKey, problemCounts, drop, ...actions }: GroupProps) {
  const zone = useDroppable({ id: groupDropId(group.key), data: { kind: "group", group: group.key } });
  const [type, setType] = useState<TSubField["type"]>("text");
  const selectId = `add-sub-${group.key}`;
  return (
    <div ref={zone.setNodeRef} className={`mt-2 space-y-1.5 rounded-md border border-dashed p-2 ${zone.isOver ? "border-brand bg-blue-50" : "border-slate-200"}`} onClick={(event) => event.stopPropagation()}>
      <p className="text-xs text-slate-500">Columns of each row</p>
      <SortableContext items={group.fields.map((sub) => sub.key)} strategy={verticalListSortingStrategy}>
        <ol className="space-y-1.5">
          {group.fields.map((sub, index) => (
            <FieldCard key={sub.key} field={sub} container={group.key} index={index} count={group.fields.length} selectedKey={selectedKey} problemCounts={problemCounts} drop={drop} {...actions} />
          ))}
        </ol>
      </SortableContext>
      <div className="flex flex-wrap items-center gap-1.5">
        <label htmlFor={selectId} className="sr-only">
          Column type for {group.label || group.key}
        </label>
        <select id={selectId} value={type} onChange={(event) => setType(event.target.value as TSubField["type"])} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs">
          {SUB_FIELD_TYPES.map((option) => (
            <option key={option} value={option}>
              {typeLabel(option)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => actions.onAddSub(group.key, type)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50">
          Add column
        </button>
      </div>
    </div>
  );
}
