"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { TColumn } from "@/lib/tables/columns";
import { formatValue, isInlineEditable, type TNames } from "@/lib/tables/cell-format";
import { valueKind } from "@/lib/tables/value-kind";
import { EditCell } from "./edit-cell";
import type { TGridContext, TGridRecord, TGridTable } from "./types";

type Props = {
  table: TGridTable;
  records: TGridRecord[];
  context: TGridContext;
  /** Table id → key, for links to related records. */
  relatedKeys: Record<string, string>;
  sort: { key: string; direction: "asc" | "desc" };
  onSort: (key: string) => void;
  hidden: readonly string[];
  selection: RowSelectionState;
  onSelection: (selection: RowSelectionState) => void;
  canEdit: boolean;
  onSaved: (record: TGridRecord) => void;
  onConflict: (message: string) => void;
};

const SORTABLE_SYSTEM = new Set(["createdAt", "updatedAt"]);

function isSortable(column: TColumn, table: TGridTable) {
  const kind = valueKind(column, { columns: table.columns });
  return kind !== "list" && kind !== "relation" && kind !== "none";
}

/**
 * The records grid: TanStack Table with server-side sort (the header buttons), resizable columns,
 * row selection, and keyboard navigation between cells (arrows; Enter edits, Escape cancels).
 */
export function GridTable({ table, records, context, relatedKeys, sort, onSort, hidden, selection, onSelection, canEdit, onSaved, onConflict }: Props) {
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const [editing, setEditing] = useState<{ id: string; key: string } | null>(null);
  const [active, setActive] = useState({ row: 0, col: 2 });
  const display0 = table.columns.find((column) => column.type === "text");
  const labelOf = (record: TGridRecord) => String((display0 && record.data[display0.key]) ?? (record.autoNumber !== null ? `#${record.autoNumber}` : record.id.slice(0, 8)));
  const gridRef = useRef<HTMLTableElement>(null);
  const names: TNames = useMemo(
    () => ({ users: new Map(context.users.map((user) => [user.id, user.label])), departments: new Map(context.departments.map((department) => [department.id, department.label])) }),
    [context],
  );

  const columns = useMemo<ColumnDef<TGridRecord>[]>(() => {
    const select: ColumnDef<TGridRecord> = {
      id: "__select",
      size: 44,
      enableResizing: false,
      header: ({ table: grid }) => (
        <input type="checkbox" aria-label="Select all shown records" className="h-4 w-4 accent-[var(--brand)]" checked={grid.getIsAllRowsSelected()} ref={(input) => void (input && (input.indeterminate = grid.getIsSomeRowsSelected()))} onChange={grid.getToggleAllRowsSelectedHandler()} />
      ),
      cell: ({ row }) => <input type="checkbox" aria-label={`Select ${labelOf(row.original)}`} className="h-4 w-4 accent-[var(--brand)]" checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />,
    };
    const own = table.columns.map<ColumnDef<TGridRecord>>((column) => ({
      id: column.key,
      header: column.label,
      size: column.type === "long_text" ? 280 : 180,
      minSize: 80,
      meta: { column },
    }));
    const open: ColumnDef<TGridRecord> = { id: "__open", header: () => <span className="sr-only">Open</span>, size: 64, enableResizing: false };
    const created: ColumnDef<TGridRecord> = { id: "createdAt", header: "Created", size: 170, meta: {} };
    return [select, open, ...own, created];
  }, [table.columns]);

  const grid = useReactTable({
    data: records,
    columns,
    getRowId: (record) => record.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableRowSelection: true,
    columnResizeMode: "onChange",
    state: { rowSelection: selection, columnSizing: sizing, columnVisibility: Object.fromEntries(hidden.map((key) => [key, false])) },
    onRowSelectionChange: (updater) => onSelection(typeof updater === "function" ? updater(selection) : updater),
    onColumnSizingChange: setSizing,
  });

  const rows = grid.getRowModel().rows;
  const visible = grid.getVisibleLeafColumns();

  function focusCell(row: number, col: number) {
    const next = { row: Math.max(0, Math.min(rows.length - 1, row)), col: Math.max(0, Math.min(visible.length - 1, col)) };
    setActive(next);
    requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.col}"]`)?.focus());
  }

  function startEdit(record: TGridRecord, column: TColumn | undefined) {
    if (!canEdit || !column || !isInlineEditable(column) || record.deletedAt) return;
    setEditing({ id: record.id, key: column.key });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (editing) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusCell(active.row + move[0], active.col + move[1]);
    } else if (event.key === "Enter" && (event.target as HTMLElement).dataset.cell) {
      const row = rows[active.row];
      const meta = visible[active.col]?.columnDef.meta as { column?: TColumn } | undefined;
      if (row) {
        event.preventDefault();
        startEdit(row.original, meta?.column);
      }
    }
  }

  function display(record: TGridRecord, column: TColumn) {
    if (column.type === "relation") {
      const links = record.links[column.key] ?? [];
      const key = relatedKeys[column.tableId];
      return links.map((link, index) => (
        <span key={link.id}>
          {index > 0 ? ", " : null}
          {key ? (
            <Link href={`/tables/${key}/records/${link.id}`} className="text-brand hover:underline" onClick={(event) => event.stopPropagation()}>
              {link.label}
            </Link>
          ) : (
            link.label
          )}
        </span>
      ));
    }
    return formatValue(column, record.data[column.key], names);
  }

  return (
    <div className="overflow-x-auto">
      <table ref={gridRef} role="grid" aria-label={`${table.displayName} records`} aria-rowcount={rows.length + 1} onKeyDown={onKeyDown} className="border-separate border-spacing-0 text-sm" style={{ width: grid.getTotalSize() }}>
        <thead className="bg-slate-50">
          {grid.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = (header.column.columnDef.meta as { column?: TColumn } | undefined)?.column;
                const sortable = header.id.startsWith("__") ? false : column ? isSortable(column, table) : SORTABLE_SYSTEM.has(header.id);
                const isSorted = sort.key === header.id;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    style={{ width: header.getSize() }}
                    aria-sort={isSorted ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
                    className="relative border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
                  >
                    {sortable ? (
                      <button type="button" onClick={() => onSort(header.id)} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className={isSorted ? "text-slate-900" : "text-slate-300"}>
                          {isSorted && sort.direction === "desc" ? "▼" : "▲"}
                        </span>
                        <span className="sr-only">{isSorted ? `, sorted ${sort.direction === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                    {header.column.getCanResize() ? (
                      <div
                        role="separator"
                        aria-orientation="vertical"
                        aria-label={`Resize ${String(header.column.columnDef.header)}`}
                        onMouseDown={header.getResizeHandler()}
                        onTouchStart={header.getResizeHandler()}
                        onDoubleClick={() => header.column.resetSize()}
                        className={cn("absolute right-0 top-0 h-full w-1.5 cursor-col-resize select-none touch-none hover:bg-brand/40", header.column.getIsResizing() && "bg-brand")}
                      />
                    ) : null}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={row.id} aria-selected={row.getIsSelected() || undefined} className={cn("hover:bg-slate-50", row.getIsSelected() && "bg-brand/5")}>
              {row.getVisibleCells().map((cell, colIndex) => {
                const column = (cell.column.columnDef.meta as { column?: TColumn } | undefined)?.column;
                const record = row.original;
                const isEditing = editing?.id === record.id && editing.key === column?.key;
                const editable = canEdit && column && isInlineEditable(column) && !record.deletedAt;
                return (
                  <td
                    key={cell.id}
                    data-cell={`${rowIndex}:${colIndex}`}
                    tabIndex={active.row === rowIndex && active.col === colIndex ? 0 : -1}
                    onFocus={() => setActive({ row: rowIndex, col: colIndex })}
                    onClick={() => (editable && !isEditing ? startEdit(record, column) : undefined)}
                    aria-readonly={column && !editable ? true : undefined}
                    style={{ width: cell.column.getSize(), maxWidth: cell.column.getSize() }}
                    className={cn("border-b border-slate-100 px-3 py-2 align-top focus:outline-none focus:ring-2 focus:ring-inset focus:ring-brand", editable && "cursor-text", !isEditing && "truncate")}
                  >
                    {cell.column.id === "__select" ? (
                      flexRender(cell.column.columnDef.cell, cell.getContext())
                    ) : cell.column.id === "__open" ? (
                      <Link href={`/tables/${table.name}/records/${record.id}`} className="text-brand hover:underline" aria-label={`Open record ${labelOf(record)}`} onClick={(event) => event.stopPropagation()}>
                        Open
                      </Link>
                    ) : cell.column.id === "createdAt" ? (
                      `${record.createdAt.replace("T", " ").slice(0, 16)} UTC`
                    ) : isEditing && column ? (
                      <EditCell
                        tableId={table.id}
                        record={record}
                        column={column}
                        context={context}
                        onConflict={(message) => (setEditing(null), onConflict(message), focusCell(rowIndex, colIndex))}
                        onDone={(saved) => {
                          setEditing(null);
                          if (saved) onSaved(saved);
                          focusCell(rowIndex, colIndex);
                        }}
                      />
                    ) : column ? (
                      display(record, column)
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
