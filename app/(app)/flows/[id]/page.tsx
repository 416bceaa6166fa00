import { CompareVersionsCard } from "@/components/versions/compare-versions-card";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RenameDialog } from "@/components/design/rename-dialog";
import { Card } from "@/components/ui/card";
import { renameFlowAction } from "@/lib/design/details-actions";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { orNull } from "@/lib/errors";
import { diffLabelsFor, getFlowOverview, getVersionDefinition } from "@/lib/flows/design-queries";
import { diffFlows } from "@/lib/flows/editor/diff";
import { FormStatusBadge } from "../../forms/status-badge";
import { FlowActions } from "./flow-actions";
import { FlowVersionDiff } from "./flow-version-diff";

export const metadata: Metadata = { title: "Flow" };


const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

async function compare(companyId: string, flowId: string, from: number, to: number) {
  const [before, after] = await Promise.all([getVersionDefinition(companyId, flowId, from), getVersionDefinition(companyId, flowId, to)]);
  return diffFlows(before, after, await diffLabelsFor(companyId, [before, after]));
}

export default async function FlowOverviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const principal = await requirePagePrincipal("flows.view");
  const { id } = await params;
  const flow = await orNull(getFlowOverview(principal.companyId, id));
  if (!flow) notFound();
  const query = await searchParams;
  const numbers = flow.versions.map((version) => version.number);
  const to = numbers.includes(Number(query.to)) ? Number(query.to) : (numbers[0] ?? 1);
  const from = numbers.includes(Number(query.from)) ? Number(query.from) : (numbers.find((number) => number < to) ?? to);
  const diff = numbers.length > 1 ? await orNull(compare(principal.companyId, flow.id, from, to)) : null;
  const hasDraft = flow.versions.some((version) => version.state === "DRAFT");
  const hasPublished = flow.versions.some((version) => version.state === "PUBLISHED");
  return (
    <div className="space-y-6">
      <PageHeader
        title={flow.name}
        description={flow.description ?? undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            {can(principal.permissions, "flows.update") && !flow.archivedAt ? <RenameDialog id={flow.id} noun="flow" name={flow.name} description={flow.description ?? null} action={renameFlowAction} /> : null}
            <FlowActions flowId={flow.id} hasDraft={hasDraft} hasPublished={hasPublished} isArchived={Boolean(flow.archivedAt)} can={{ update: can(principal.permissions, "flows.update"), archive: can(principal.permissions, "flows.delete") }} />
          </div>
        }
      />
      <Card className="flex flex-wrap items-center gap-3 p-5 text-sm text-slate-600">
        <FormStatusBadge status={flow.status} />
        <span>
          {flow.instances} {flow.instances === 1 ? "instance" : "instances"} so far
        </span>
        <span>Updated {when(flow.updatedAt)}</span>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="overflow-x-auto">
          <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-700">Version history</h2>
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-5 py-2 font-medium">Version</th>
                <th className="px-5 py-2 font-medium">State</th>
                <th className="px-5 py-2 font-medium">Published</th>
                <th className="px-5 py-2 font-medium">Change note</th>
              </tr>
            </thead>
            <tbody>
              {flow.versions.map((version) => (
                <tr key={version.id} className="border-t border-slate-100">
                  <td className="px-5 py-2 font-medium">
                    <Link href={`/flows/${flow.id}/versions/${version.number}`} className="text-brand hover:underline" aria-label={`View v${version.number} on the canvas`}>
                      v{version.number}
                    </Link>
                  </td>
                  <td className="px-5 py-2">
                    <FormStatusBadge status={version.state} />
                  </td>
                  <td className="px-5 py-2 text-slate-600">{version.publishedAt ? `${when(version.publishedAt)}${version.publishedByName ? ` by ${version.publishedByName}` : ""}` : `draft, saved ${when(version.updatedAt)}`}</td>
                  <td className="px-5 py-2 text-slate-600">{version.changeNote ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <CompareVersionsCard numbers={numbers} from={from} to={to}>
          {diff ? <FlowVersionDiff diff={diff} from={from} to={to} /> : null}
        </CompareVersionsCard>
      </div>
    </div>
  );
}
