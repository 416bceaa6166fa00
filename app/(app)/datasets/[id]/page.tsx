import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatasetEditor } from "@/components/datasets/dataset-editor";
import { DatasetStatusBadge } from "@/components/datasets/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getDataset } from "@/lib/datasets/queries";
import { isAppError } from "@/lib/errors";
import { listDepartments } from "@/lib/org/departments/queries";
import { listRoles } from "@/lib/org/roles/queries";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Dataset" };


export default async function DatasetPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("datasets.view");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const dataset = await getDataset(principal, id).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [roles, departments] = await Promise.all([listRoles(principal.companyId), listDepartments(principal.companyId)]);
  return (
    <div>
      <div className="mb-2 text-sm">
        <Link href="/datasets" className="text-slate-500 hover:underline">
          ← Datasets
        </Link>
      </div>
      <PageHeader title={dataset.name} description={dataset.category ?? undefined} actions={<DatasetStatusBadge status={dataset.status} />} />
      <DatasetEditor
        key={dataset.updatedAt.toISOString()}
        dataset={{
          id: dataset.id,
          name: dataset.name,
          description: dataset.description ?? "",
          category: dataset.category ?? "",
          sections: dataset.sections,
          visibility: dataset.visibility,
          expectedUpdatedAt: dataset.updatedAt.toISOString(),
          status: dataset.status,
        }}
        roles={roles.map((role) => ({ id: role.id, name: role.name }))}
        departments={departments.map((department) => ({ id: department.id, name: department.name }))}
        can={{ update: can(principal.permissions, "datasets.update"), publish: can(principal.permissions, "datasets.publish") }}
      />
    </div>
  );
}
