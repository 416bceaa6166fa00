"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { setDatasetStatusAction } from "@/lib/datasets/actions";

type Status = "DRAFT" | "PUBLISHED" | "ARCHIVED";

/** Publish, archive, or back to draft. Disabled while the editor has unsaved changes (they would not be in the published list). */
export function DatasetStatusActions({ id, status, dirty }: { id: string; status: Status; dirty: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const change = (next: Status, message: string) => start(async () => void ((await runAction(setDatasetStatusAction({ id, status: next }), message)).ok && router.refresh()));
  return (
    <div className="flex flex-wrap items-center gap-2">
      {dirty ? <span className="text-xs text-slate-500">Save your changes first.</span> : null}
      {status === "DRAFT" ? (
        <Button type="button" disabled={pending || dirty} onClick={() => change("PUBLISHED", "Dataset published")}>
          Publish
        </Button>
      ) : null}
      {status !== "DRAFT" ? (
        <Button type="button" variant="secondary" disabled={pending || dirty} onClick={() => change("DRAFT", "Dataset back to draft")}>
          Back to draft
        </Button>
      ) : null}
      {status !== "ARCHIVED" ? (
        <Button type="button" variant="ghost" disabled={pending || dirty} onClick={() => change("ARCHIVED", "Dataset archived")}>
          Archive
        </Button>
      ) : null}
    </div>
  );
}
