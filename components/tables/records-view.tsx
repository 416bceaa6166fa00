"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/inputs";
import { tableKeys } from "@/lib/tables/query-keys";
import { gridSearchParams, listSearchParams, type TGridState, type TViewCondition } from "@/lib/tables/view-state";
import type { TTableViewSummary } from "@/lib/tables/views";
import { BulkBar } from "./bulk-bar";
import { ColumnsMenu } from "./columns-menu";
import { Dialog } from "./dialog";
import { FilterChips } from "./filter-chips";
import { FilterEditor } from "./filter-editor";
import { GridTable } from "./grid-table";
import { RecordForm } from "./record-form";
import type { TGridContext, TGridPage, TGridPermissions, TGridRecord, TGridTable } from "./types";
import { useDebounced } from "./use-debounced";
import { ViewsMenu } from "./views-menu";

const PAGE_SIZE = 50;

async function fetchPage(tableKey: string, query: string, cursor: string | null): Promise<TGridPage> {
  const params = new URLSearchParams(query);
  params.set("limit", String(PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  const response = await fetch(`/api/v1/tables/${tableKey}/records?${params}`, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string; errors?: Record<string, string[]> } | null;
    const first = problem?.errors ? Object.values(problem.errors)[0]?.[0] : undefined;
    throw new Error(first ?? problem?.detail ?? problem?.title ?? `The records could not be loaded (${response.status}).`);
  }
  return (await response.json()) as TGridPage;
}

type Props = {
  table: TGridTable;
  context: TGridContext;
  relatedKeys: Record<string, string>;
  permissions: TGridPermissions;
  initialState: TGridState;
  initialPage: TGridPage;
  views: TTableViewSummary[];
};

/**
 * The records page's interactive part. The view (filter, search, sort, hidden columns, trash) lives
 * in the URL; pages come from the REST list through react-query, 50 at a time with "Load more"
 * (keyset cursors are kept by the infinite query), the server component's first page as initial data.
 */
export function RecordsView({ table, context, relatedKeys, permissions, initialState, initialPage, views }: Props) {
  const queryClient = useQueryClient();
  const [state, setState] = useState(initialState);
  const [search, setSearch] = useState(initialState.q);
  const debouncedSearch = useDebounced(search, 300);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [adding, setAdding] = useState(false);
  const [filtering, setFiltering] = useState(false);
  const [status, setStatus] = useState("");
  /** The outcome of the last bulk action or conflict, announced beside the count until the view changes. */
  const [notice, setNotice] = useState("");
  const [initialQuery] = useState(() => listSearchParams(initialState).toString());

  const listQuery = listSearchParams(state).toString();
  const query = useInfiniteQuery({
    queryKey: tableKeys.page(table.name, listQuery),
    queryFn: ({ pageParam }) => fetchPage(table.name, listQuery, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: listQuery === initialQuery ? { pages: [initialPage], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
  });
  const records = query.data?.pages.flatMap((page) => page.items) ?? [];
  const first = query.data?.pages[0];

  function update(changes: Partial<TGridState>) {
    const next = { ...state, ...changes };
    setState(next);
    setSelection({});
    setNotice("");
    const search = gridSearchParams(next).toString();
    // The URL is the shareable view; replaceState keeps Back for leaving the page, not for each tweak.
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  }

  useEffect(() => {
    if (debouncedSearch.trim() !== state.q) update({ q: debouncedSearch.trim() });
    // Only a settled search changes the view (state.q is read, not watched).
  }, [debouncedSearch]);

  useEffect(() => {
    if (query.isFetching) return;
    if (query.isError) setStatus(query.error.message);
    else if (first) setStatus(`${first.count.toLocaleString("en-US")}${first.countCapped ? "+" : ""} ${first.count === 1 && !first.countCapped ? "record" : "records"}${state.trash ? " in the trash" : ""}`);
  }, [query.isFetching, query.isError, query.error, first, state.trash]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: tableKeys.records(table.name) });

  function patchRecord(saved: TGridRecord) {
    queryClient.setQueryData<InfiniteData<TGridPage>>(tableKeys.page(table.name, listQuery), (data) =>
      data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === saved.id ? saved : item)) })) } : data,
    );
    toast.success("Saved");
  }

  const sortBy = (key: string) => update({ sort: key, direction: state.sort === key && state.direction === "asc" ? "desc" : "asc" });
  const exportHref = (format: "csv" | "json") => `/api/v1/tables/${table.name}/records/export?${new URLSearchParams([["format", format], ...listSearchParams(state)])}`;
  const { trash: _trash, ...viewConfig } = state;
  const selectedIds = Object.keys(selection).filter((id) => selection[id]);

  return (
    <div className="space-y-4">
      <Card className="space-y-3 p-4">
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1 space-y-1">
            <label htmlFor="records-search" className="block text-xs font-medium text-slate-600">
              Search
            </label>
            <Input id="records-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Search text columns…" className="py-1.5" />
          </div>
          <Button variant="secondary" className="py-1.5" aria-expanded={filtering} onClick={() => setFiltering((open) => !open)}>
            Add filter
          </Button>
          <ColumnsMenu columns={table.columns} hidden={state.hidden} onChange={(hidden) => update({ hidden })} />
          <Button variant={state.trash ? "primary" : "secondary"} className="py-1.5" aria-pressed={state.trash} onClick={() => update({ trash: !state.trash })}>
            {state.trash ? "Showing trash" : "Trash"}
          </Button>
          {permissions.create && !state.trash ? (
            <Button className="py-1.5" onClick={() => setAdding(true)}>
              New record
            </Button>
          ) : null}
        </div>
        {filtering ? (
          <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <FilterEditor
              table={table}
              context={context}
              onCancel={() => setFiltering(false)}
              onAdd={(condition: TViewCondition) => {
                update({ filter: { ...state.filter, conditions: [...state.filter.conditions, condition] } });
                setFiltering(false);
              }}
            />
          </div>
        ) : null}
        <FilterChips table={table} filter={state.filter} onChange={(filter) => update({ filter })} />
        <div className="flex flex-wrap items-end justify-between gap-3 border-t border-slate-100 pt-3">
          <ViewsMenu tableId={table.id} views={views} current={viewConfig} onApply={(config) => (setSearch(config.q), update({ ...config }))} />
          {permissions.export ? (
            <div className="flex gap-2 text-sm">
              <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50" href={exportHref("csv")}>
                Export CSV
              </a>
              <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50" href={exportHref("json")}>
                Export JSON
              </a>
            </div>
          ) : null}
        </div>
      </Card>

      <BulkBar
        table={table}
        context={context}
        ids={selectedIds}
        trash={state.trash}
        permissions={permissions}
        onDone={(message) => {
          toast.success(message);
          setNotice(message);
          setSelection({});
          void refresh();
        }}
      />

      <Card className="overflow-hidden">
        <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2 text-sm text-slate-600">
          <p aria-live="polite" role="status">
            {query.isFetching && !query.isFetchingNextPage ? "Loading…" : [notice, status].filter(Boolean).join(" · ")}
          </p>
          {query.isError ? (
            <Button variant="ghost" className="py-1" onClick={() => void query.refetch()}>
              Try again
            </Button>
          ) : null}
        </div>
        {records.length ? (
          <GridTable
            table={table}
            records={records}
            context={context}
            relatedKeys={relatedKeys}
            sort={{ key: state.sort, direction: state.direction }}
            onSort={sortBy}
            hidden={state.hidden}
            selection={selection}
            onSelection={setSelection}
            canEdit={permissions.update && !state.trash}
            onSaved={patchRecord}
            onConflict={(message) => {
              toast.error(message);
              setNotice(message);
              void refresh();
            }}
          />
        ) : query.isFetching ? null : (
          <p className="px-4 py-10 text-center text-sm text-slate-500">
            {state.trash ? "The trash is empty." : state.filter.conditions.length || state.q ? "No record matches this view." : "No records yet."}
          </p>
        )}
        {query.hasNextPage ? (
          <div className="border-t border-slate-100 px-4 py-3 text-center">
            <Button variant="secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {query.isFetchingNextPage ? "Loading…" : `Load ${PAGE_SIZE} more`}
            </Button>
          </div>
        ) : null}
      </Card>

      <Dialog open={adding} onClose={() => setAdding(false)} title={`New ${table.displayName} record`} wide>
        {adding ? (
          <RecordForm
            table={table}
            context={context}
            onCancel={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              void refresh();
            }}
          />
        ) : null}
      </Dialog>
      <p className="text-xs text-slate-500">
        Click a cell or press Enter on it to edit; Escape cancels. Arrow keys move between cells. <Link href={`/tables/${table.name}/import`} className="text-brand hover:underline">Import a CSV file</Link>
      </p>
    </div>
  );
}

