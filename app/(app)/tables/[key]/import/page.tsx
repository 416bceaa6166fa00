import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/tables/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { loadPageTable } from "../load-page-table";

export const metadata: Metadata = { title: "Import records" };

export default async function ImportPage({ params }: { params: Promise<{ key: string }> }) {
  const principal = await requirePagePrincipal("records.create");
  const { key } = await params;
  const table = await loadPageTable(principal.companyId, key);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/tables" className="hover:underline">
          Tables
        </Link>{" "}
        /{" "}
        <Link href={`/tables/${table.name}`} className="hover:underline">
          {table.displayName}
        </Link>{" "}
        / <span aria-current="page">Import</span>
      </nav>
      <PageHeader
        title={`Import into ${table.displayName}`}
        description="Rows are checked before anything is written; only valid rows are imported, in batches of 500. Relation columns take the related record's name."
      />
      <ImportWizard table={table} />
    </div>
  );
}
