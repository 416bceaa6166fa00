import { LINK_BUTTON_PRIMARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listTables } from "@/lib/tables/queries";

export const metadata: Metadata = { title: "Tables" };

const LINK = "whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-slate-800 hover:bg-slate-50";

export default async function TablesPage() {
  const principal = await requirePagePrincipal("records.view");
  const tables = await listTables(principal.companyId);
  const canCreate = can(principal.permissions, "tables.create");
  const canDesign = can(principal.permissions, "tables.update");
  return (
    <div>
      <PageHeader
        title="Tables"
        description="Your company's own data — customers, assets, price lists — with typed columns and relations between tables."
        actions={
          canCreate ? (
            <Link href="/tables/new" className={LINK_BUTTON_PRIMARY}>
              New table
            </Link>
          ) : null
        }
      />
      <Card className="overflow-x-auto">
        {tables.length === 0 ? (
          <div className="space-y-2 px-5 py-8 text-sm text-slate-600">
            <p className="font-medium text-slate-800">No tables yet.</p>
            <p>
              A table holds records you define yourself: choose the columns (text, numbers, dates, options, files, formulas) and link tables to each other — orders to
              customers, say. Forms can then offer a table&apos;s values as choices, and triggers can react when a record changes.
            </p>
            {canCreate ? (
              <p>
                <Link href="/tables/new" className="font-medium text-brand hover:underline">
                  Create the first table
                </Link>
              </p>
            ) : null}
          </div>
        ) : (
          <table className="min-w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="px-4 py-2 font-medium">Table</th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Key</th>
                <th scope="col" className="hidden px-4 py-2 text-right font-medium sm:table-cell">Columns</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Records</th>
                <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Updated</th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tables.map((table) => (
                <tr key={table.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-3">
                    <Link href={`/tables/${table.name}`} className="font-medium text-slate-900 hover:text-brand hover:underline">
                      {table.displayName}
                    </Link>
                    {table.description ? <p className="text-xs text-slate-500">{table.description}</p> : null}
                  </td>
                  <td className="hidden px-4 py-3 font-mono text-xs text-slate-600 sm:table-cell">{table.name}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{table.columns}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{table.records.toLocaleString("en-US")}</td>
                  <td className="hidden px-4 py-3 text-slate-500 md:table-cell">{table.updatedAt.toISOString().slice(0, 10)}</td>
                  <td className="px-4 py-3">
                    <div className="flex justify-end gap-2">
                      <Link href={`/tables/${table.name}`} className={LINK} aria-label={`Open the records of ${table.displayName}`}>
                        Records
                      </Link>
                      {canDesign ? (
                        <Link href={`/tables/${table.name}/design`} className={LINK} aria-label={`Design ${table.displayName}`}>
                          Design
                        </Link>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
