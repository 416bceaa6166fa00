"use client";

import type { TColumn } from "@/lib/tables/columns";

/** Show or hide columns (part of the view: it goes into the URL and saved views). */
export function ColumnsMenu({ columns, hidden, onChange }: { columns: TColumn[]; hidden: readonly string[]; onChange: (hidden: string[]) => void }) {
  return (
    <details className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Columns{hidden.length ? ` (${hidden.length} hidden)` : ""}
      </summary>
      <fieldset className="absolute right-0 z-30 mt-1 max-h-72 w-60 space-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {columns.map((column) => (
          <label key={column.key} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4 accent-[var(--brand)]"
              checked={!hidden.includes(column.key)}
              onChange={(event) => onChange(event.target.checked ? hidden.filter((key) => key !== column.key) : [...hidden, column.key])}
            />
            {column.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
