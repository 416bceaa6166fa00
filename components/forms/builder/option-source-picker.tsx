"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { listOptionSourcesAction } from "@/lib/datasets/actions";
import type { TOptionSource } from "@/lib/forms/field-types";

// Where a choice field's options come from: listed in the form, a dataset section, or a table column.
// Data-backed options are loaded (and searched) when the form is filled and checked by the server at
// submit time, so they follow the data without republishing the form.

type Props = { source: TOptionSource | undefined; onChange: (source: TOptionSource | undefined) => void; errors: readonly string[] };

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-xs";

export function OptionSourcePicker({ source, onChange, errors }: Props) {
  const kindId = useId();
  const whereId = useId();
  const sources = useQuery({
    queryKey: ["form-builder", "option-sources"],
    queryFn: async () => {
      const result = await listOptionSourcesAction({});
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    staleTime: 60_000,
  });
  const kind = source?.kind ?? "list";
  const datasets = sources.data?.datasets ?? [];
  const tables = sources.data?.tables ?? [];
  const value = source?.kind === "dataset" ? `${source.datasetId}|${source.sectionKey}` : source?.kind === "table" ? `${source.tableId}|${source.column}` : "";

  const choose = (next: string) => {
    if (next === "list") return onChange(undefined);
    if (next === "dataset") {
      const first = datasets.find((dataset) => dataset.sections.length);
      return onChange(first ? { kind: "dataset", datasetId: first.id, sectionKey: first.sections[0]!.key } : undefined);
    }
    const first = tables[0];
    onChange(first ? { kind: "table", tableId: first.id, column: first.columns[0]!.key } : undefined);
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={kindId} className="block text-xs font-medium text-slate-700">
        Options come from
      </label>
      <select id={kindId} value={kind} onChange={(event) => choose(event.target.value)} className={selectClass}>
          <option value="list">A list in this form</option>
          <option value="dataset" disabled={!datasets.some((dataset) => dataset.sections.length)}>
            A dataset section{sources.isSuccess && !datasets.length ? " (no published dataset)" : ""}
          </option>
          <option value="table" disabled={!tables.length}>
            A table column{sources.isSuccess && !tables.length ? " (no table)" : ""}
          </option>
      </select>
      {source ? (
        <div>
          <label htmlFor={whereId} className="block text-xs font-medium text-slate-700">
            {source.kind === "dataset" ? "Dataset section" : "Table column"}
          </label>
          <select
            id={whereId}
            value={value}
            onChange={(event) => {
              const [id, key] = event.target.value.split("|") as [string, string];
              onChange(source.kind === "dataset" ? { kind: "dataset", datasetId: id, sectionKey: key } : { kind: "table", tableId: id, column: key });
            }}
            className={selectClass}
          >
            {source.kind === "dataset"
              ? datasets.map((dataset) => (
                  <optgroup key={dataset.id} label={dataset.name}>
                    {dataset.sections.map((section) => (
                      <option key={section.key} value={`${dataset.id}|${section.key}`}>
                        {section.title} ({section.items} items)
                      </option>
                    ))}
                  </optgroup>
                ))
              : tables.map((table) => (
                  <optgroup key={table.id} label={table.displayName}>
                    {table.columns.map((column) => (
                      <option key={column.key} value={`${table.id}|${column.key}`}>
                        {column.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">Loaded when the form is filled, searchable, and checked again when it is submitted.</p>
        </div>
      ) : null}
      {sources.isError ? <p className="text-xs text-red-600">The datasets and tables could not be loaded: {(sources.error as Error).message}</p> : null}
      {errors.map((message) => (
        <p key={message} className="text-xs text-red-600">
          {message}
        </p>
      ))}
    </div>
  );
}
