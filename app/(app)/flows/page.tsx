import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listFlowsForDesign } from "@/lib/flows/design-queries";
import { FormStatusBadge } from "../forms/status-badge";
import { NewFlowForm } from "./new-flow-form";

export const metadata: Metadata = { title: "Flows" };

export default async function FlowsPage() {
  const principal = await requirePagePrincipal("flows.view");
  const flows = await listFlowsForDesign(principal.companyId);
  const canCreate = can(principal.permissions, "flows.create");
  const canEdit = can(principal.permissions, "flows.update");
  return (
    <div>
      <PageHeader title="Flows" description="Multi-level approval flows: design a draft, publish versions, see how often they run." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="overflow-x-auto">
          {flows.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-500">No flows yet.</p>
          ) : (
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="px-4 py-2 font-medium">Name</th>
                  <th className="px-4 py-2 font-medium">Status</th>
                  <th className="hidden px-4 py-2 font-medium sm:table-cell">Latest version</th>
                  <th className="hidden px-4 py-2 font-medium md:table-cell">Updated</th>
                  <th className="hidden px-4 py-2 text-right font-medium sm:table-cell">Instances</th>
                  <th className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {flows.map((flow) => (
                  <tr key={flow.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3">
                      <Link href={`/flows/${flow.id}`} className="font-medium text-slate-900 hover:text-brand hover:underline">
                        {flow.name}
                      </Link>
                      {flow.description ? <p className="text-xs text-slate-500">{flow.description}</p> : null}
                    </td>
                    <td className="px-4 py-3">
                      <FormStatusBadge status={flow.status} />
                      {flow.hasDraft && flow.status !== "DRAFT" ? <span className="ml-1 text-xs text-amber-700">+ draft</span> : null}
                    </td>
                    <td className="hidden px-4 py-3 sm:table-cell">
                      {flow.latestVersion ? `v${flow.latestVersion}` : "—"}
                      {flow.publishedVersion && flow.publishedVersion !== flow.latestVersion ? <span className="text-xs text-slate-500"> (v{flow.publishedVersion} live)</span> : null}
                    </td>
                    <td className="hidden px-4 py-3 text-slate-500 md:table-cell">{flow.updatedAt.toISOString().slice(0, 10)}</td>
                    <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{flow.instances}</td>
                    <td className="px-4 py-3 text-right">
                      {canEdit && flow.hasDraft ? (
                        <Link href={`/flows/${flow.id}/edit`} className="whitespace-nowrap text-sm font-medium text-brand hover:underline" aria-label={`Edit ${flow.name}`}>
                          Edit
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        {canCreate ? (
          <Card className="h-fit p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-700">New flow</h2>
            <NewFlowForm />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
