"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { TInputField, TOptionSource } from "@/lib/forms/field-types";
import { fetchJson } from "@/lib/http/fetch-json";

// Options of a field that takes them from the company's data (a dataset section or a table column):
// fetched from /api/v1/options while the form is filled, searched on the server for long lists. The
// server checks the chosen value again at submit time (lib/datasets/options.ts).

type Option = { value: string; label: string };
type Page = { options: Option[]; truncated: boolean };

export function sourceOf(field: TInputField): TOptionSource | undefined {
  return "source" in field ? field.source : undefined;
}

function url(source: TOptionSource, query: string): string {
  const params = new URLSearchParams(source.kind === "dataset" ? { kind: "dataset", datasetId: source.datasetId, sectionKey: source.sectionKey } : { kind: "table", tableId: source.tableId, column: source.column });
  if (query) params.set("q", query);
  params.set("limit", "100");
  return `/api/v1/options?${params}`;
}

/** The options of a sourced field matching `query` (debounced), or null for a field with its own options. */
export function useSourcedOptions(field: TInputField, query: string): { options: Option[]; truncated: boolean; loading: boolean; failed: boolean } | null {
  const source = sourceOf(field);
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const result = useQuery({
    queryKey: ["field-options", source, debounced],
    queryFn: () => fetchJson<Page>(url(source!, debounced)),
    enabled: Boolean(source),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  if (!source) return null;
  return { options: result.data?.options ?? [], truncated: result.data?.truncated ?? false, loading: result.isPending, failed: result.isError };
}
