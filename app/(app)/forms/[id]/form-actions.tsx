"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { archiveFormAction, createDraftFromPublishedAction, publishFormAction, unarchiveFormAction } from "@/lib/forms/actions";
import { FORM_BUILDER_AVAILABLE } from "@/lib/forms/builder-availability";

type Props = {
  taskId: string;
  hasDraft: boolean;
  hasPublished: boolean;
  isArchived: boolean;
  can: { update: boolean; publish: boolean; archive: boolean };
};

/** The lifecycle buttons of a form: edit (a new draft from the published version), publish, archive. */
export function FormActions({ taskId, hasDraft, hasPublished, isArchived, can }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState("");
  const run = (work: () => Promise<unknown>) => start(async () => void (await work()));
  return (
    <div className="flex flex-wrap items-end gap-2">
      {FORM_BUILDER_AVAILABLE && can.update && hasDraft ? (
        <Link href={`/forms/${taskId}/edit`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          Open draft in builder
        </Link>
      ) : null}
      {FORM_BUILDER_AVAILABLE && can.update && !hasDraft && hasPublished && !isArchived ? (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const result = await runAction(createDraftFromPublishedAction({ taskId }), "New draft created");
              if (result.ok) router.push(`/forms/${taskId}/edit`);
            })
          }
        >
          Edit (new draft)
        </Button>
      ) : null}
      {can.publish && hasDraft && !isArchived ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-xs text-slate-600">
            Change note
            <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} className="mt-1 block w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <Button disabled={pending} onClick={() => run(async () => (await runAction(publishFormAction({ taskId, changeNote: note }), "Published")).ok && router.refresh())}>
            Publish draft
          </Button>
        </div>
      ) : null}
      {can.archive ? (
        <Button
          variant="ghost"
          disabled={pending}
          onClick={() => run(async () => (await runAction((isArchived ? unarchiveFormAction : archiveFormAction)({ taskId }), isArchived ? "Form restored" : "Form archived")).ok && router.refresh())}
        >
          {isArchived ? "Unarchive" : "Archive"}
        </Button>
      ) : null}
    </div>
  );
}
