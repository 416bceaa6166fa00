"use client";

import { closestCenter, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragOverEvent, type DragStartEvent } from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useEffect, useRef, useState } from "react";
import type { TFieldType } from "@/lib/forms/field-types";
import { CANVAS_END, type TDropIndicator } from "./form-canvas";

// Drag and drop of the builder, as one hook: palette items dropped onto the canvas (before/after a
// field, at the end, or into a repeating group), and fields reordered within their own list.

export type TDropTarget = { kind: "end" } | { kind: "group"; group: string } | { kind: "field"; key: string; after: boolean };

type Handlers = {
  onDropNew: (type: TFieldType, target: TDropTarget) => void;
  onReorder: (key: string, overKey: string) => void;
};

// Palette drags follow the pointer (a group's drop zone wins over the group card around it);
// field drags only consider fields of their own list, so a reorder never changes containers.
const collisionDetection: CollisionDetection = (args) => {
  const data = args.active.data.current as { kind?: string; container?: string | null } | undefined;
  if (data?.kind === "palette") {
    const hits = pointerWithin(args);
    const group = hits.find((hit) => String(hit.id).startsWith("group:"));
    if (group) return [group];
    return hits.length > 0 ? hits : rectIntersection(args);
  }
  const container = data?.container ?? null;
  const droppableContainers = args.droppableContainers.filter((candidate) => candidate.data.current?.kind === "field" && (candidate.data.current?.container ?? null) === container);
  return closestCenter({ ...args, droppableContainers });
};

function targetOf(event: DragOverEvent | DragEndEvent, pointerY: number | null): TDropTarget | null {
  const { over, active } = event;
  if (!over) return null;
  if (over.id === CANVAS_END) return { kind: "end" };
  const data = over.data.current as { kind?: string; group?: string; container?: string | null } | undefined;
  if (data?.kind === "group" && data.group) return { kind: "group", group: data.group };
  if (data?.kind === "field") {
    if (data.container) return { kind: "group", group: data.container };
    // Where the pointer is decides above or below (dnd-kit's delta is scroll-adjusted and the
    // dragged item may sit in a scrolled palette, so neither tells the pointer's place on screen).
    const dragged = active.rect.current.translated;
    const y = pointerY ?? (dragged ? dragged.top + dragged.height / 2 : null);
    // The card's rect now (the page may have scrolled since the drag began), in the pointer's frame.
    const node = document.querySelector(`[data-field-key="${CSS.escape(String(over.id))}"]`);
    const rect = node?.getBoundingClientRect() ?? over.rect;
    const after = y !== null && y > rect.top + rect.height / 2;
    return { kind: "field", key: String(over.id), after };
  }
  return null;
}

export function useBuilderDnd({ onDropNew, onReorder }: Handlers) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const [dragging, setDragging] = useState<{ kind: "palette"; type: TFieldType } | { kind: "field"; key: string } | null>(null);
  const [drop, setDrop] = useState<TDropIndicator>(null);
  const pointer = useRef<number | null>(null);
  useEffect(() => {
    const track = (event: PointerEvent) => {
      pointer.current = event.clientY;
    };
    window.addEventListener("pointermove", track, { passive: true });
    return () => window.removeEventListener("pointermove", track);
  }, []);

  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as { kind?: string; type?: TFieldType } | undefined;
    setDragging(data?.kind === "palette" && data.type ? { kind: "palette", type: data.type } : { kind: "field", key: String(event.active.id) });
  };
  const onDragOver = (event: DragOverEvent) => {
    if ((event.active.data.current as { kind?: string })?.kind !== "palette") return;
    const target = targetOf(event, pointer.current);
    setDrop(target?.kind === "field" ? { key: target.key, after: target.after } : null);
  };
  const onDragMove = onDragOver;
  const onDragEnd = (event: DragEndEvent) => {
    const data = event.active.data.current as { kind?: string; type?: TFieldType } | undefined;
    setDragging(null);
    setDrop(null);
    if (data?.kind === "palette" && data.type) {
      const target = targetOf(event, pointer.current);
      if (target) onDropNew(data.type, target);
      return;
    }
    if (event.over && event.over.id !== event.active.id) onReorder(String(event.active.id), String(event.over.id));
  };
  const onDragCancel = () => {
    setDragging(null);
    setDrop(null);
  };
  return { context: { sensors, collisionDetection, onDragStart, onDragOver, onDragMove, onDragEnd, onDragCancel }, dragging, drop };
}
