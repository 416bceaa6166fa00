import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlowEditor } from "@/components/flows/editor/flow-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getEditorOptions, getFlowDraft } from "@/lib/flows/design-queries";
import { FlowActions } from "../flow-actions";

export const metadata: Metadata = { title: "Edit flow" };

export default async function EditFlowPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("flows.update");
  const { id } = await params;
  const flow = await getFlowDraft(principal.companyId, id).catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
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
  return (
    <div>
      <PageHeader title={`Edit ${flow.name}`} description="Changes are saved as you go; publishing makes them live." actions={back} />
      <FlowEditor flowId={flow.id} draft={{ number: flow.draft.number, revision: flow.draft.revision, definition: flow.draft.definition }} options={options} canPublish={can(principal.permissions, "flows.publish")} />
    </div>
  );
}
