"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { createDraftFromPublishedAction } from "@/lib/forms/actions";

/** Starts a new draft from the published version, then shows it in the builder. */
export function CreateDraftButton({ taskId }: { taskId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          if ((await runAction(createDraftFromPublishedAction({ taskId }), "New draft created")).ok) router.refresh();
        })
      }
    >
      {pending ? "Creating…" : "Create a draft from the published version"}
    </Button>
  );
}
