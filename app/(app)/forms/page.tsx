import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listForms } from "@/lib/forms/queries";
import { FORM_BUILDER_AVAILABLE } from "@/lib/forms/builder-availability";
import { NewFormForm } from "./new-form";
import { FormStatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "Forms" };

export default async function FormsPage() {
  const principal = await requirePagePrincipal("tasks.view");
  const canDesign = can(principal.permissions, "tasks.update");
  const all = await listForms(principal.companyId);
  // People who only fill forms in see the ones open to them; designers see every state.
  const forms = canDesign ? all : all.filter((form) => form.status === "PUBLISHED" && form.standalone);
  return (
    <div>
      <PageHeader title="Forms" description={canDesign ? "Design forms, publish versions and see what people submitted." : "Forms you can fill in."} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="overflow-x-auto">
          {forms.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-500">No forms yet.</p>
          ) : (
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="px-4 py-2 font-medium">Name</th>
                  <th className="px-4 py-2 font-medium">Status</th>
                  <th className="hidden px-4 py-2 font-medium sm:table-cell">Version</th>
                  <th className="hidden px-4 py-2 text-right font-medium sm:table-cell">Submissions</th>
                  <th className="hidden px-4 py-2 font-medium md:table-cell">Updated</th>
                  <th className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {forms.map((form) => (
                  <tr key={form.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3">
                      <Link href={`/forms/${form.id}`} className="font-medium text-slate-900 hover:text-brand hover:underline">
                        {form.name}
                      </Link>
                      {form.description ? <p className="text-xs text-slate-500">{form.description}</p> : null}
                    </td>
                    <td className="px-4 py-3">
                      <FormStatusBadge status={form.status} />
                      {form.hasDraft && form.status !== "DRAFT" && canDesign ? <span className="ml-1 text-xs text-amber-700">+ draft</span> : null}
                    </td>
                    <td className="hidden px-4 py-3 sm:table-cell">{form.publishedVersion ? `v${form.publishedVersion}` : "—"}{canDesign && form.newestVersion !== form.publishedVersion ? <span className="text-xs text-slate-500"> (v{form.newestVersion} draft)</span> : null}</td>
                    <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{form.submissions}</td>
                    <td className="hidden px-4 py-3 text-slate-500 md:table-cell">{form.updatedAt.toISOString().slice(0, 10)}</td>
                    <td className="px-4 py-3 text-right">
                      {form.status === "PUBLISHED" && form.standalone ? (
                        <Link href={`/forms/${form.id}/fill`} className="whitespace-nowrap rounded-md bg-brand px-3 py-1.5 text-xs font-medium text-white hover:opacity-90" aria-label={`Fill in ${form.name}`}>
                          Fill in
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        {FORM_BUILDER_AVAILABLE && can(principal.permissions, "tasks.create") ? (
          <Card className="h-fit p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-700">New form</h2>
            <NewFormForm />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
