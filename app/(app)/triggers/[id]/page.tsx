import { LINK_BUTTON_SECONDARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TriggerEditor } from "@/components/triggers/editor/trigger-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import type { TEventType } from "@/lib/triggers/definition";
import { loadEditorOptions } from "@/lib/triggers/editor-options";
import { toFormValues } from "@/lib/triggers/editor-model";
import { triggerTypeEnv } from "@/lib/triggers/event-env";
import { getTrigger } from "@/lib/triggers/queries";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Trigger" };


export default async function TriggerPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("triggers.view");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const trigger = await getTrigger(principal.companyId, id).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const scope = { eventType: trigger.eventType as TEventType, taskId: trigger.taskId, flowId: trigger.flowId, tableId: trigger.tableId };
  const [options, fields] = await Promise.all([loadEditorOptions(principal.companyId), triggerTypeEnv(db, principal.companyId, scope)]);
  const webhook =
    trigger.eventType === "WEBHOOK_RECEIVED"
      ? { triggerId: trigger.id, url: `${env().APP_URL.replace(/\/$/, "")}/api/hooks/${trigger.id}`, secrets: trigger.secrets.map((secret) => ({ id: secret.id, createdAt: secret.createdAt.toISOString(), expiresAt: secret.expiresAt?.toISOString() ?? null })) }
      : null;
  return (
    <div>
      <PageHeader
        title={trigger.name}
        description={trigger.description ?? undefined}
        actions={
          <>
            <Link href="/triggers" className={LINK_BUTTON_SECONDARY}>
              All triggers
            </Link>
            <Link href={`/triggers/executions?trigger=${trigger.id}`} className={LINK_BUTTON_SECONDARY}>
              Executions
            </Link>
          </>
        }
      />
      <TriggerEditor
        key={trigger.updatedAt.toISOString()}
        triggerId={trigger.id}
        initial={toFormValues(trigger)}
        updatedAt={trigger.updatedAt.toISOString()}
        options={options}
        initialFields={{ scope, env: fields }}
        webhook={webhook}
        canEdit={can(principal.permissions, "triggers.update")}
        canDelete={can(principal.permissions, "triggers.delete")}
      />
    </div>
  );
}
