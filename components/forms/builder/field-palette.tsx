"use client";

import { useDraggable } from "@dnd-kit/core";
import { PALETTE, type TPaletteItem } from "@/lib/forms/builder/palette";
import type { TFieldType } from "@/lib/forms/field-types";

// The palette: every field type by group. Drag an item onto the canvas (pointer), or use its Add
// button (click or Enter), which adds after the selected field or at the end.

export const paletteId = (type: string) => `palette:${type}`;

export function FieldPalette({ onAdd, addHint }: { onAdd: (type: TFieldType) => void; addHint: string }) {
  return (
    <nav aria-label="Field types" className="space-y-4">
      <p className="text-xs text-slate-500">Drag a field onto the form, or press Add ({addHint}).</p>
      {PALETTE.map((group) => (
        <section key={group.id} aria-labelledby={`palette-${group.id}`}>
          <h3 id={`palette-${group.id}`} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {group.title}
          </h3>
          <ul className="grid grid-cols-2 gap-1 sm:grid-cols-3 lg:grid-cols-1">
            {group.items.map((item) => (
              <PaletteItem key={item.type} item={item} onAdd={onAdd} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function PaletteItem({ item, onAdd }: { item: TPaletteItem; onAdd: (type: TFieldType) => void }) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: paletteId(item.type), data: { kind: "palette", type: item.type } });
  return (
    <li
      ref={setNodeRef}
      // Pointer only: keyboard users have the Add button, so Enter on it must not start a drag.
      onPointerDown={listeners?.onPointerDown as React.PointerEventHandler<HTMLLIElement> | undefined}
      data-palette-type={item.type}
      className={`flex cursor-grab touch-none items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-sm shadow-sm hover:border-brand ${isDragging ? "opacity-50" : ""}`}
      title={item.hint}
    >
      <span className="truncate text-slate-800">{item.label}</span>
      <button
        type="button"
        onClick={() => onAdd(item.type)}
        className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-brand hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand"
        aria-label={`Add ${item.label}`}
      >
        Add
      </button>
    </li>
  );
}
