"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { rerunExecutionAction } from "@/lib/triggers/server-actions";

/** Queues the failed actions again (succeeded ones are never repeated) and shows the new state. */
export function RerunButton({ executionId }: { executionId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await runAction(rerunExecutionAction({ executionId }), "Re-run queued");
          if (result.ok) router.refresh();
        })
      }
    >
      {pending ? "Queuing…" : "Re-run"}
    </Button>
  );
}
