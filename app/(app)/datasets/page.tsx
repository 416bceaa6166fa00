import type { Metadata } from "next";
import Link from "next/link";
import { NewDatasetForm } from "@/components/datasets/new-dataset-form";
import { DatasetStatusBadge } from "@/components/datasets/status-badge";
import { visibilitySummary } from "@/lib/datasets/visibility-summary";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listDatasets } from "@/lib/datasets/queries";
import { listDepartments } from "@/lib/org/departments/queries";
import { listRoles } from "@/lib/org/roles/queries";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  const principal = await requirePagePrincipal("datasets.view");
  const canEdit = can(principal.permissions, "datasets.update");
  const [datasets, roles, departments] = await Promise.all([
    listDatasets(principal, { includeArchived: canEdit }),
    listRoles(principal.companyId),
    listDepartments(principal.companyId),
  ]);
  const names = { roles: new Map(roles.map((role) => [role.id, role.name])), departments: new Map(departments.map((department) => [department.id, department.name])) };
  return (
    <div>
      <PageHeader title="Datasets" description="Reference lists — expense categories, cost centres, countries — in sections that form fields can offer as choices." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="h-fit overflow-x-auto">
          {datasets.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-500">No datasets yet. A dataset holds lists (sections) of value and label pairs that dropdowns in forms can use.</p>
          ) : (
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                  <th scope="col" className="px-4 py-2 font-medium">Name</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Category</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                  <th scope="col" className="hidden px-4 py-2 text-right font-medium sm:table-cell">Sections / items</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Visible to</th>
                </tr>
              </thead>
              <tbody>
                {datasets.map((dataset) => (
                  <tr key={dataset.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3">
                      <Link href={`/datasets/${dataset.id}`} className="font-medium text-slate-900 hover:text-brand hover:underline">
                        {dataset.name}
                      </Link>
                      {dataset.description ? <p className="text-xs text-slate-500">{dataset.description}</p> : null}
                    </td>
                    <td className="hidden px-4 py-3 text-slate-600 sm:table-cell">{dataset.category ?? "—"}</td>
                    <td className="px-4 py-3">
                      <DatasetStatusBadge status={dataset.status} />
                    </td>
                    <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">
                      {dataset.sections.length} / {dataset.sections.reduce((sum, section) => sum + section.items.length, 0)}
                    </td>
                    <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{visibilitySummary(dataset.visibility, names)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        {can(principal.permissions, "datasets.create") ? (
          <Card className="h-fit p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-700">New dataset</h2>
            <NewDatasetForm />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
