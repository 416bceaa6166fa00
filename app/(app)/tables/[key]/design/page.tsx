import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TableDesigner } from "@/components/tables/designer/table-designer";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getTableDesign, listTableColumnChoices } from "@/lib/tables/queries";

export const metadata: Metadata = { title: "Design table" };

export default async function DesignTablePage({ params }: { params: Promise<{ key: string }> }) {
  const principal = await requirePagePrincipal("tables.update");
  const { key } = await params;
  const table = await getTableDesign(principal.companyId, key).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const tables = await listTableColumnChoices(principal.companyId);
  return (
    <div>
      <PageHeader title={`Design ${table.displayName}`} description="Columns, their types and rules. Keys stay as they are once saved: renaming a label never moves data." />
      <TableDesigner
        key={table.updatedAt.toISOString()}
        table={{ id: table.id, name: table.name, displayName: table.displayName, description: table.description, updatedAt: table.updatedAt.toISOString() }}
        columns={table.columns}
        tables={tables}
        canArchive={can(principal.permissions, "tables.delete")}
      />
    </div>
  );
}
