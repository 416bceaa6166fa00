import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VersionCanvas } from "@/components/flows/canvas/version-canvas";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { diffGraph, type DiffStatuses } from "@/lib/flows/canvas/diff-graph";
import { describeGraph } from "@/lib/flows/canvas/element-details";
import { definitionToCanvas, type CanvasGraph } from "@/lib/flows/canvas/graph";
import { diffLabelsFor, getEditorOptions, getFlowOverview } from "@/lib/flows/design-queries";
import { diffFlows } from "@/lib/flows/editor/diff";
import { getVersionCanvas } from "@/lib/flows/version-queries";
import { orNull } from "@/lib/errors";
import { FormStatusBadge } from "../../../../forms/status-badge";
import { FlowVersionDiff } from "../../flow-version-diff";

export const metadata: Metadata = { title: "Flow version" };

// Any version of a flow on the canvas, read-only; `?compare=<number>` or `?compare=draft` draws the
// diff between the two (older → newer, whichever is shown) on the canvas with the changes in words.


export default async function FlowVersionPage({ params, searchParams }: { params: Promise<{ id: string; number: string }>; searchParams: Promise<{ compare?: string }> }) {
  const principal = await requirePagePrincipal("flows.view");
  const { id, number: numberParam } = await params;
  const flow = await orNull(getFlowOverview(principal.companyId, id));
  const version = flow?.versions.find((candidate) => String(candidate.number) === numberParam);
  if (!flow || !version) notFound();
  const { compare } = await searchParams;
  const draft = flow.versions.find((candidate) => candidate.state === "DRAFT");
  const other = flow.versions.find((candidate) => candidate.number !== version.number && (compare === "draft" ? candidate === draft : String(candidate.number) === compare));

  const [shown, compared, options] = await Promise.all([
    getVersionCanvas(principal.companyId, flow.id, version.number),
    other ? getVersionCanvas(principal.companyId, flow.id, other.number) : null,
    getEditorOptions(principal.companyId),
  ]);
  const fieldLabels = Object.assign({}, ...options.forms.map((form) => form.labels)) as Record<string, string>;
  const [before, after] = compared ? (compared.number < shown.number ? [compared, shown] : [shown, compared]) : [shown, shown];
  const labels = await diffLabelsFor(principal.companyId, compared ? [before.definition, after.definition] : [shown.definition], options);

  let graph: CanvasGraph;
  let status: DiffStatuses | undefined;
  let diff = null;
  if (compared) {
    diff = diffFlows(before.definition, after.definition, labels);
    ({ graph, status } = diffGraph({ before, after, diff, labels: fieldLabels }));
  } else {
    graph = definitionToCanvas(shown.definition, (nodeId) => shown.positions[nodeId]!, fieldLabels);
  }
  const details = describeGraph(graph, labels, fieldLabels);

  const title = compared ? `${flow.name}: v${before.number} → v${after.number}` : `${flow.name}: v${version.number}`;
  return (
    <div>
      <PageHeader
        title={title}
        description={compared ? "What changed, drawn on the canvas. Nothing can be edited here." : "This version as drawn on the canvas. Nothing can be edited here."}
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <FormStatusBadge status={version.state} />
            {version.state === "DRAFT" && can(principal.permissions, "flows.update") ? (
              <Link href={`/flows/${flow.id}/edit`} className="text-sm text-slate-600 hover:underline">
                Edit the draft
              </Link>
            ) : null}
            <Link href={`/flows/${flow.id}`} className="text-sm text-slate-600 hover:underline">
              ← Versions and history
            </Link>
          </div>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Compare this version">
        <label className="text-xs text-slate-600">
          Compare v{version.number} with
          <select name="compare" defaultValue={compare === "draft" && draft ? "draft" : other ? String(other.number) : ""} className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            <option value="">— nothing (just this version)</option>
            {draft && draft !== version ? <option value="draft">the current draft (v{draft.number})</option> : null}
            {flow.versions
              .filter((candidate) => candidate !== version && candidate !== draft)
              .map((candidate) => (
                <option key={candidate.number} value={candidate.number}>
                  v{candidate.number} ({candidate.state.toLowerCase()})
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
          Compare
        </button>
        {compared ? (
          <Link href={`/flows/${flow.id}/versions/${version.number}`} className="py-1.5 text-sm text-slate-600 hover:underline">
            Show v{version.number} alone
          </Link>
        ) : null}
      </form>
      <VersionCanvas
        key={`${version.number}:${compared?.number ?? ""}`}
        graph={graph}
        details={details}
        options={options}
        status={status}
        aside={
          diff ? (
            <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="mb-3 text-sm font-semibold text-slate-700">
                Changes from v{before.number} to v{after.number}
              </h2>
              <FlowVersionDiff diff={diff} from={before.number} to={after.number} />
            </section>
          ) : null
        }
      />
    </div>
  );
}
