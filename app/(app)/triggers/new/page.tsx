import type { Metadata } from "next";
import { TriggerEditor } from "@/components/triggers/editor/trigger-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { loadEditorOptions } from "@/lib/triggers/editor-options";
import { EMPTY_TRIGGER } from "@/lib/triggers/editor-model";
import { triggerTypeEnv } from "@/lib/triggers/event-env";

export const metadata: Metadata = { title: "New trigger" };

export default async function NewTriggerPage() {
  const principal = await requirePagePrincipal("triggers.create");
  const scope = { eventType: EMPTY_TRIGGER.eventType, taskId: null, flowId: null, tableId: null };
  const [options, env] = await Promise.all([loadEditorOptions(principal.companyId), triggerTypeEnv(db, principal.companyId, scope)]);
  return (
    <div>
      <PageHeader title="New trigger" description="When an event happens and the condition holds, the actions run in order." />
      <TriggerEditor initial={EMPTY_TRIGGER} options={options} initialFields={{ scope, env }} webhook={null} canEdit canDelete={false} />
    </div>
  );
}
