"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { controlClass } from "@/components/forms/fields/field-shell";
import { searchRecordOptionsAction } from "@/lib/tables/actions";
import { tableKeys } from "@/lib/tables/query-keys";
import { useDebounced } from "./use-debounced";

export type TPicked = { id: string; label: string };

/**
 * Picks records of a related table by typing part of their name: the chosen ones are listed with a
 * remove button, matches appear below the search box. For "one" relations picking replaces.
 */
export function RecordPicker({ id, tableId, displayColumn, value, multiple, onChange, label, invalid, describedBy, autoFocus }: {
  id: string;
  tableId: string;
  displayColumn?: string;
  value: TPicked[];
  multiple: boolean;
  onChange: (value: TPicked[]) => void;
  label: string;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}) {
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 250);
  const listId = useId();
  const options = useQuery({
    queryKey: tableKeys.options(tableId, `${displayColumn ?? ""}:${query}`),
    queryFn: async () => {
      const result = await searchRecordOptionsAction({ tableId, q: query, displayColumn });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
  const chosen = new Set(value.map((item) => item.id));
  return (
    <div className="space-y-1.5">
      {value.length ? (
        <ul className="flex flex-wrap gap-1" aria-label={`Chosen ${label}`}>
          {value.map((item) => (
            <li key={item.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-sm">
              {item.label}
              <button type="button" className="rounded px-1 text-slate-500 hover:bg-slate-200" aria-label={`Remove ${item.label}`} onClick={() => onChange(value.filter((other) => other.id !== item.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="search"
        value={q}
        autoFocus={autoFocus}
        onChange={(event) => setQ(event.target.value)}
        placeholder="Type to find a record…"
        aria-controls={listId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        className={controlClass(Boolean(invalid), "py-1.5")}
      />
      <ul id={listId} aria-label={`Matching ${label}`} className="max-h-44 overflow-y-auto rounded-md border border-slate-200 bg-white">
        {options.isPending ? <li className="px-3 py-1.5 text-sm text-slate-500">Searching…</li> : null}
        {options.isError ? <li className="px-3 py-1.5 text-sm text-red-600">{options.error.message}</li> : null}
        {options.data?.length === 0 ? <li className="px-3 py-1.5 text-sm text-slate-500">No record matches.</li> : null}
        {options.data?.map((option) => (
          <li key={option.id}>
            <button
              type="button"
              disabled={chosen.has(option.id)}
              onClick={() => onChange(multiple ? [...value, option] : [option])}
              className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50 disabled:text-slate-400"
            >
              {option.label}
              {chosen.has(option.id) ? <span className="sr-only"> (chosen)</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
