"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { cn } from "@/components/ui/cn";
import { COLUMN_TYPE_LABELS } from "@/lib/tables/columns";
import type { TDesignerItem } from "./designer-item";

type Props = {
  items: TDesignerItem[];
  selected: string | null;
  invalid: ReadonlySet<string>;
  onSelect: (uid: string) => void;
  onMove: (from: number, to: number) => void;
  onAdd: () => void;
};

const SMALL = "rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200 disabled:opacity-30";

function ColumnRow({ item, index, count, selected, invalid, onSelect, onMove }: { item: TDesignerItem; index: number; count: number; selected: boolean; invalid: boolean } & Pick<Props, "onSelect" | "onMove">) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.uid });
  const label = item.column.label || "(no label)";
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={cn("flex items-center gap-1 rounded-md border bg-white px-1.5 py-1.5", selected ? "border-brand ring-1 ring-brand" : "border-slate-200", isDragging && "z-10 shadow-lg", invalid && "border-red-400")}
    >
      <button type="button" className="cursor-grab touch-none px-1 text-slate-400 hover:text-slate-700" aria-label={`Drag to reorder ${label}`} {...attributes} {...listeners}>
        ⠿
      </button>
      <button type="button" onClick={() => onSelect(item.uid)} aria-current={selected ? "true" : undefined} className="min-w-0 flex-1 text-left">
        <span className="block truncate text-sm font-medium text-slate-900">
          {label}
          {invalid ? <span className="ml-1 text-red-600" aria-label="has problems">●</span> : null}
        </span>
        <span className="block truncate text-xs text-slate-500">
          <span className="font-mono">{item.column.key}</span> · {COLUMN_TYPE_LABELS[item.column.type]}
          {item.column.hidden ? " · hidden" : ""}
          {item.saved ? "" : " · new"}
        </span>
      </button>
      <button type="button" className={SMALL} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move ${label} up`}>
        ↑
      </button>
      <button type="button" className={SMALL} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move ${label} down`}>
        ↓
      </button>
    </li>
  );
}

/** The table's columns in order: select one to edit it; reorder by dragging, by keyboard or with the arrows. */
export function ColumnList({ items, selected, invalid, onSelect, onMove, onAdd }: Props) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(items.findIndex((item) => item.uid === active.id), items.findIndex((item) => item.uid === over.id));
  };
  return (
    <div className="space-y-3">
      {items.length === 0 ? <p className="text-sm text-slate-500">No columns yet. Add the first one.</p> : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={items.map((item) => item.uid)} strategy={verticalListSortingStrategy}>
          <ol aria-label="Columns" className="space-y-1.5">
            {items.map((item, index) => (
              <ColumnRow key={item.uid} item={item} index={index} count={items.length} selected={item.uid === selected} invalid={invalid.has(item.uid)} onSelect={onSelect} onMove={onMove} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <button type="button" onClick={onAdd} className="w-full rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
        + Add column
      </button>
    </div>
  );
}
