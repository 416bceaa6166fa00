import { LINK_BUTTON_PRIMARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageNumbers } from "@/components/ui/page-numbers";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getForm, listSubmissions, listSubmitters } from "@/lib/forms/queries";
import { ZSubmissionFilters } from "@/lib/forms/schema";

export const metadata: Metadata = { title: "Submissions" };

type Query = { from?: string; to?: string; submitter?: string; page?: string };

export default async function SubmissionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  const principal = await requirePagePrincipal("tasks.view");
  const { id } = await params;
  const form = /^[0-9a-f-]{36}$/i.test(id) ? await getForm(principal.companyId, id).catch((error) => (isAppError(error) ? null : Promise.reject(error))) : null;
  if (!form) notFound();
  const query = await searchParams;
  const filters = ZSubmissionFilters.parse(query);
  // Everyone sees their own submissions; people who manage forms see everyone's.
  const seesAll = can(principal.permissions, "tasks.update") || can(principal.permissions, "tasks.export");
  const page = Math.max(1, Math.min(10_000, Number(query.page) || 1));
  const scope = { companyId: principal.companyId, taskId: form.id, filters, onlyExecutorId: seesAll ? undefined : principal.userId };
  const [result, submitters] = await Promise.all([listSubmissions(scope, page), seesAll ? listSubmitters(principal.companyId, form.id) : Promise.resolve([])]);
  const params_ = new URLSearchParams(Object.entries({ from: filters.from, to: filters.to, submitter: filters.submitter }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const href = (target: number) => `/forms/${form.id}/submissions?${new URLSearchParams([...params_, ["page", String(target)]])}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${form.name}: submissions`}
        description={seesAll ? `${result.total} submission${result.total === 1 ? "" : "s"}` : "Your submissions"}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/forms/${form.id}`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
              Form overview
            </Link>
            {can(principal.permissions, "tasks.export") ? (
              <a href={`/api/v1/tasks/${form.id}/submissions/export?${params_}`} className={LINK_BUTTON_PRIMARY} download>
                Export CSV
              </a>
            ) : null}
          </div>
        }
      />
      <Card className="p-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter submissions">
          <label className="text-xs text-slate-600">
            From
            <input type="date" name="from" defaultValue={filters.from} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <label className="text-xs text-slate-600">
            To
            <input type="date" name="to" defaultValue={filters.to} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          {seesAll ? (
            <label className="text-xs text-slate-600">
              Submitted by
              <select name="submitter" defaultValue={filters.submitter ?? ""} className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                <option value="">Anyone</option>
                {submitters.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
            Filter
          </button>
          {params_.size > 0 ? (
            <Link href={`/forms/${form.id}/submissions`} className="px-2 py-1.5 text-sm text-slate-600 underline">
              Clear
            </Link>
          ) : null}
        </form>
      </Card>
      <Card className="overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">No submissions match.</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-4 py-2 font-medium">Submitted</th>
                <th className="px-4 py-2 font-medium">By</th>
                <th className="px-4 py-2 font-medium">Version</th>
                <th className="px-4 py-2 font-medium">Source</th>
                <th className="px-4 py-2">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 last:border-0">
                  <td className="whitespace-nowrap px-4 py-2">{row.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                  <td className="px-4 py-2">{row.executorName}</td>
                  <td className="px-4 py-2">v{row.version}</td>
                  <td className="px-4 py-2 text-slate-500">{row.flowInstanceId ? "Flow" : "Standalone"}</td>
                  <td className="px-4 py-2 text-right">
                    <Link href={`/forms/${form.id}/submissions/${row.id}`} className="text-brand underline">
                      View<span className="sr-only"> submission by {row.executorName}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <PageNumbers page={page} pageCount={result.pageCount} href={href} label="Submission pages" />
    </div>
  );
}
