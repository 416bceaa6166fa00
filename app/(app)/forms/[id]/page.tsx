import { LINK_BUTTON_PRIMARY } from "@/components/ui/button";
import { CompareVersionsCard } from "@/components/versions/compare-versions-card";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RenameDialog } from "@/components/design/rename-dialog";
import { renameFormAction } from "@/lib/design/details-actions";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { orNull } from "@/lib/errors";
import { diffVersions, getForm } from "@/lib/forms/queries";
import { FormStatusBadge } from "../status-badge";
import { FormActions } from "./form-actions";
import { VersionDiff } from "./version-diff";

export const metadata: Metadata = { title: "Form" };


export default async function FormOverviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const principal = await requirePagePrincipal("tasks.view");
  const { id } = await params;
  const form = /^[0-9a-f-]{36}$/i.test(id) ? await orNull(getForm(principal.companyId, id)) : null;
  if (!form) notFound();
  const query = await searchParams;
  const numbers = form.versions.map((version) => version.number);
  const to = Number(query.to) || numbers[0] || 1;
  const from = Number(query.from) || numbers.find((number) => number < to) || to;
  const diff = numbers.length > 1 ? await orNull(diffVersions(principal.companyId, form.id, from, to)) : null;
  const canSeeSubmissions = can(principal.permissions, "tasks.view");
  return (
    <div className="space-y-6">
      <PageHeader
        title={form.name}
        description={form.description ?? undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            {form.status === "PUBLISHED" && form.standalone ? (
              <Link href={`/forms/${form.id}/fill`} className={LINK_BUTTON_PRIMARY}>
                Fill in
              </Link>
            ) : null}
            {can(principal.permissions, "tasks.update") && !form.archivedAt ? <RenameDialog id={form.id} noun="form" name={form.name} description={form.description ?? null} action={renameFormAction} /> : null}
            {canSeeSubmissions ? (
              <Link href={`/forms/${form.id}/submissions`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
                Submissions ({form.submissions})
              </Link>
            ) : null}
          </div>
        }
      />
      <Card className="p-5">
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <FormStatusBadge status={form.status} />
          <span className="text-sm text-slate-500">{form.standalone ? "Can be filled in on its own" : "Filled in within flows"}</span>
        </div>
        <FormActions
          taskId={form.id}
          hasDraft={Boolean(form.draft)}
          hasPublished={Boolean(form.published)}
          isArchived={Boolean(form.archivedAt)}
          can={{ update: can(principal.permissions, "tasks.update"), publish: can(principal.permissions, "tasks.publish"), archive: can(principal.permissions, "tasks.delete") }}
        />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="overflow-x-auto">
          <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-700">Versions</h2>
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-5 py-2 font-medium">Version</th>
                <th className="px-5 py-2 font-medium">State</th>
                <th className="px-5 py-2 font-medium">Published</th>
                <th className="px-5 py-2 font-medium">Note</th>
              </tr>
            </thead>
            <tbody>
              {form.versions.map((version) => (
                <tr key={version.id} className="border-t border-slate-100">
                  <td className="px-5 py-2 font-medium">v{version.number}</td>
                  <td className="px-5 py-2">
                    <FormStatusBadge status={version.state} />
                  </td>
                  <td className="px-5 py-2 text-slate-600">{version.publishedAt ? `${version.publishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC${version.publishedByName ? ` by ${version.publishedByName}` : ""}` : "—"}</td>
                  <td className="px-5 py-2 text-slate-600">{version.changeNote ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <CompareVersionsCard numbers={numbers} from={from} to={to}>
          {diff ? <VersionDiff diff={diff} from={from} to={to} /> : null}
        </CompareVersionsCard>
      </div>
    </div>
  );
}
