import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CanvasEditor } from "@/components/flows/canvas/canvas-editor";
import { FlowEditor } from "@/components/flows/editor/flow-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { orNull } from "@/lib/errors";
import { getEditorOptions, getFlowDraft } from "@/lib/flows/design-queries";
import { FlowActions } from "../flow-actions";

export const metadata: Metadata = { title: "Edit flow" };

// The canvas is the default; `?view=list` is the structured editor (the accessible alternative).
export default async function EditFlowPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string }> }) {
  const principal = await requirePagePrincipal("flows.update");
  const { id } = await params;
  const view = (await searchParams).view === "list" ? "list" : "canvas";
  const flow = await orNull(getFlowDraft(principal.companyId, id));
  if (!flow) notFound();
  const back = (
    <Link href={`/flows/${flow.id}`} className="text-sm text-slate-600 hover:underline">
      ← Versions and history
    </Link>
  );
  if (!flow.draft || flow.archivedAt) {
    return (
      <div>
        <PageHeader title={flow.name} actions={back} />
        <Card className="space-y-3 p-5 text-sm text-slate-600">
          <p>{flow.archivedAt ? "This flow is archived; unarchive it to edit it." : "Every version of this flow is published. Editing starts a new draft from the newest one."}</p>
          <FlowActions flowId={flow.id} hasDraft={false} hasPublished={!flow.archivedAt} isArchived={Boolean(flow.archivedAt)} can={{ update: true, archive: false }} />
        </Card>
      </div>
    );
  }
  const options = await getEditorOptions(principal.companyId);
  const canPublish = can(principal.permissions, "flows.publish");
  const { number, revision, definition, layout } = flow.draft;
  return (
    <div>
      <PageHeader
        title={`Edit ${flow.name}`}
        description="Changes are saved as you go; publishing makes them live."
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <ViewSwitch flowId={flow.id} view={view} />
            {back}
          </div>
        }
      />
      {view === "canvas" ? (
        <CanvasEditor flowId={flow.id} draft={{ number, revision, definition, layout }} options={options} canPublish={canPublish} />
      ) : (
        <FlowEditor flowId={flow.id} draft={{ number, revision, definition }} options={options} canPublish={canPublish} />
      )}
    </div>
  );
}

function ViewSwitch({ flowId, view }: { flowId: string; view: "canvas" | "list" }) {
  const item = (value: "canvas" | "list", label: string) => (
    <Link
      href={value === "canvas" ? `/flows/${flowId}/edit` : `/flows/${flowId}/edit?view=list`}
      aria-current={view === value ? "page" : undefined}
      className={view === value ? "rounded-md bg-white px-3 py-1 text-sm font-medium text-slate-900 shadow-sm" : "rounded-md px-3 py-1 text-sm text-slate-600 hover:text-slate-900"}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Editor view" className="flex gap-1 rounded-lg bg-slate-100 p-1">
      {item("canvas", "Canvas")}
      {item("list", "List")}
    </nav>
  );
}
