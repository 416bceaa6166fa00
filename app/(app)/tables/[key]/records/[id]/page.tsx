import type { Metadata } from "next";
import Link from "next/link";
import { TableBreadcrumb } from "@/components/tables/table-breadcrumb";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { EntityHistory } from "@/components/audit/entity-history";
import { RecordActions } from "@/components/tables/record-actions";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getPickerContext } from "@/lib/forms/queries";
import { formatValue } from "@/lib/tables/cell-format";
import { getRecord } from "@/lib/tables/queries";
import { displayColumnOf, recordLabel, tableKeysById } from "@/lib/tables/record-options";
import { loadPageTable } from "../../load-page-table";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Record" };


export default async function RecordPage({ params }: { params: Promise<{ key: string; id: string }> }) {
  const principal = await requirePagePrincipal("records.view");
  const { key, id } = await params;
  if (!isUuid(id)) notFound();
  const table = await loadPageTable(principal.companyId, key);
  const record = await getRecord(principal.companyId, { id: table.id }, id).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!record) notFound();
  const targets = [...table.columns.flatMap((column) => (column.type === "relation" ? [column.tableId] : [])), ...record.linkedFrom.map((group) => group.tableId)];
  const [context, keys] = await Promise.all([getPickerContext(principal.companyId), tableKeysById(principal.companyId, targets)]);
  const names = { users: new Map(context.users.map((user) => [user.id, user.label])), departments: new Map(context.departments.map((department) => [department.id, department.label])) };
  const label = recordLabel(record.data, record.autoNumber, record.id, displayColumnOf(table.columns));
  const permissions = {
    create: can(principal.permissions, "records.create"),
    update: can(principal.permissions, "records.update"),
    delete: can(principal.permissions, "records.delete"),
    export: can(principal.permissions, "records.export"),
  };
  const linkTo = (tableId: string, recordId: string, text: string) =>
    keys[tableId] ? (
      <Link href={`/tables/${keys[tableId]}/records/${recordId}`} className="text-brand hover:underline">
        {text}
      </Link>
    ) : (
      text
    );

  return (
    <div className="space-y-5">
      <TableBreadcrumb table={table} current={label} />
      <PageHeader
        title={label}
        description={`${table.displayName} record · created ${record.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC · updated ${record.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
        actions={<RecordActions table={table} context={context} record={{ id: record.id, data: record.data, links: record.links, deleted: record.deletedAt !== null }} permissions={permissions} />}
      />
      {record.deletedAt ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          This record is in the trash. Restore it to edit it or to see it in the table again.
        </p>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-[2fr_1fr]">
        <Card className="p-4 sm:p-6">
          <h2 className="mb-3 text-lg font-semibold">Values</h2>
          <dl className="divide-y divide-slate-100">
            {table.columns.map((column) => (
              <div key={column.key} className="grid gap-1 py-2 sm:grid-cols-3">
                <dt className="text-sm font-medium text-slate-600">{column.label}</dt>
                <dd className="whitespace-pre-wrap break-words text-sm text-slate-900 sm:col-span-2">
                  {column.type === "relation"
                    ? (record.links[column.key] ?? []).map((link, index) => (
                        <span key={link.id}>
                          {index > 0 ? ", " : null}
                          {linkTo(column.tableId, link.id, link.label)}
                        </span>
                      ))
                    : formatValue(column, record.data[column.key], names) || <span className="text-slate-400">—</span>}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <div className="space-y-5">
          <Card className="p-4">
            <h2 className="mb-2 text-lg font-semibold">Linked from</h2>
            {record.linkedFrom.length === 0 ? (
              <p className="text-sm text-slate-500">No other record links here.</p>
            ) : (
              <ul className="space-y-3">
                {record.linkedFrom.map((group) => (
                  <li key={`${group.tableId}-${group.column}`}>
                    <p className="text-sm font-medium text-slate-700">
                      {group.tableName} · {group.column}
                    </p>
                    <ul className="ml-4 list-disc text-sm">
                      {group.records.map((linked) => (
                        <li key={linked.id}>{linkTo(group.tableId, linked.id, linked.label)}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-lg font-semibold">History</h2>
            <Suspense fallback={<p className="text-sm text-slate-500">Loading history…</p>}>
              <EntityHistory companyId={principal.companyId} entity="CustomTableRecord" entityId={record.id} />
            </Suspense>
          </Card>
        </div>
      </div>
    </div>
  );
}
