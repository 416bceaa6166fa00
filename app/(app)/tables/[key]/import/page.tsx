import type { Metadata } from "next";
import { TableBreadcrumb } from "@/components/tables/table-breadcrumb";
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
      <TableBreadcrumb table={table} current={"Import"} />
      <PageHeader
        title={`Import into ${table.displayName}`}
        description="Rows are checked before anything is written; only valid rows are imported, in batches of 500. Relation columns take the related record's name."
      />
      <ImportWizard table={table} />
    </div>
  );
}
