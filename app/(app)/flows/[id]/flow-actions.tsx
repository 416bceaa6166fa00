"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { Button, LINK_BUTTON_PRIMARY } from "@/components/ui/button";
import { archiveFlowAction, createFlowDraftAction, unarchiveFlowAction } from "@/lib/flows/design-actions";

/** Edit (the open draft, or a new one from the published version), archive and unarchive. */
export function FlowActions({ flowId, hasDraft, hasPublished, isArchived, can }: { flowId: string; hasDraft: boolean; hasPublished: boolean; isArchived: boolean; can: { update: boolean; archive: boolean } }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<unknown>) => startTransition(async () => void (await work()));
  return (
    <div className="flex flex-wrap gap-2">
      {can.update && !isArchived && hasDraft ? (
        <Link href={`/flows/${flowId}/edit`} className={LINK_BUTTON_PRIMARY}>
          Edit draft
        </Link>
      ) : null}
      {can.update && !isArchived && !hasDraft && hasPublished ? (
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const result = await runAction(createFlowDraftAction({ flowId }), "New draft created");
              if (result.ok) router.push(`/flows/${flowId}/edit`);
            })
          }
        >
          Edit (new draft)
        </Button>
      ) : null}
      {can.archive ? (
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const result = await runAction(isArchived ? unarchiveFlowAction({ flowId }) : archiveFlowAction({ flowId }), isArchived ? "Flow restored" : "Flow archived");
              if (result.ok) router.refresh();
            })
          }
        >
          {isArchived ? "Unarchive" : "Archive"}
        </Button>
      ) : null}
    </div>
  );
}
