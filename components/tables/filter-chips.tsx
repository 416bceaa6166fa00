"use client";

import type { TRecordFilter } from "@/lib/tables/filter-ops";
import { conditionText, type TViewCondition } from "@/lib/tables/view-state";
import type { TGridTable } from "./types";

/** The active filters as removable chips, with the all/any switch once there are two or more. */
export function FilterChips({ table, filter, onChange }: { table: TGridTable; filter: { match: TRecordFilter["match"]; conditions: TViewCondition[] }; onChange: (filter: { match: TRecordFilter["match"]; conditions: TViewCondition[] }) => void }) {
  if (!filter.conditions.length) return null;
  const byKey = new Map(table.columns.map((column) => [column.key, column]));
  return (
    <div className="flex flex-wrap items-center gap-2">
      {filter.conditions.length > 1 ? (
        <fieldset className="flex items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-sm">
          <legend className="sr-only">Combine filters</legend>
          <span className="text-slate-500">Match</span>
          {(["all", "any"] as const).map((match) => (
            <label key={match} className="flex items-center gap-1">
              <input type="radio" name="filter-match" className="accent-[var(--brand)]" checked={filter.match === match} onChange={() => onChange({ ...filter, match })} />
              {match === "all" ? "all (AND)" : "any (OR)"}
            </label>
          ))}
        </fieldset>
      ) : null}
      <ul className="flex flex-wrap gap-2" aria-label="Active filters">
        {filter.conditions.map((condition, index) => {
          const text = conditionText(condition, byKey.get(condition.column));
          return (
            <li key={`${condition.column}-${index}`} className="inline-flex items-center gap-1 rounded-full border border-brand/30 bg-brand/10 py-0.5 pl-3 pr-1 text-sm text-slate-800">
              {text}
              <button
                type="button"
                onClick={() => onChange({ ...filter, conditions: filter.conditions.filter((_, other) => other !== index) })}
                className="rounded-full px-1.5 text-slate-500 hover:bg-white hover:text-slate-900"
                aria-label={`Remove filter: ${text}`}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="text-sm text-brand hover:underline" onClick={() => onChange({ match: "all", conditions: [] })}>
        Clear filters
      </button>
    </div>
  );
}
