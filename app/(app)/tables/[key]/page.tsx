import type { Metadata } from "next";
import Link from "next/link";
import { RecordsView } from "@/components/tables/records-view";
import { asPlain, type TGridPage } from "@/components/tables/types";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getPickerContext } from "@/lib/forms/queries";
import { listRecords } from "@/lib/tables/queries";
import { tableKeysById } from "@/lib/tables/record-options";
import { DEFAULT_VIEW, readGridState, type TGridState } from "@/lib/tables/view-state";
import { listTableViews } from "@/lib/tables/views";
import { loadPageTable } from "./load-page-table";

export const metadata: Metadata = { title: "Records" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RecordsPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: SearchParams }) {
  const principal = await requirePagePrincipal("records.view");
  const { key } = await params;
  const table = await loadPageTable(principal.companyId, key);
  const raw = await searchParams;
  const urlParams = new URLSearchParams(Object.entries(raw).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value[0]! : value]])));
  let state: TGridState = readGridState(urlParams);
  // A shared link may name a column that has since been removed: show the default view instead of failing.
  const firstPage = await listRecords(principal.companyId, { id: table.id }, { ...state, q: state.q || undefined, limit: 50, cursor: undefined }).catch((error) => {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    state = { ...DEFAULT_VIEW, trash: state.trash };
    return listRecords(principal.companyId, { id: table.id }, { ...state, q: undefined, limit: 50, cursor: undefined });
  });
  const relationTargets = table.columns.flatMap((column) => (column.type === "relation" ? [column.tableId] : []));
  const [context, views, relatedKeys] = await Promise.all([
    getPickerContext(principal.companyId),
    listTableViews(principal.companyId, table.id, principal.userId),
    tableKeysById(principal.companyId, relationTargets),
  ]);
  const permissions = {
    create: can(principal.permissions, "records.create"),
    update: can(principal.permissions, "records.update"),
    delete: can(principal.permissions, "records.delete"),
    export: can(principal.permissions, "records.export"),
  };

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/tables" className="hover:underline">
          Tables
        </Link>{" "}
        / <span aria-current="page">{table.displayName}</span>
      </nav>
      <PageHeader
        title={table.displayName}
        description="Filter, sort and edit the records of this table; changes are saved as you make them."
        actions={
          permissions.create ? (
            <Link href={`/tables/${table.name}/import`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Import CSV
            </Link>
          ) : null
        }
      />
      <RecordsView
        key={urlParams.toString()}
        table={table}
        context={context}
        relatedKeys={relatedKeys}
        permissions={permissions}
        initialState={state}
        initialPage={asPlain<TGridPage>(firstPage)}
        views={views}
      />
    </div>
  );
}
