"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { archiveTableAction } from "@/lib/tables/designer-actions";

// The plain Button variants fix a text colour; a destructive but secondary action needs its own red.
const DESTRUCTIVE_LINK = "inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50";

/** Archives the table after a confirmation; a refusal (other tables relate to it) names them in the dialog. */
export function ArchiveTable({ tableId, displayName }: { tableId: string; displayName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const archive = () =>
    start(async () => {
      try {
        const result = await archiveTableAction({ tableId });
        if (result.ok) {
          toast.success(`${displayName} archived`);
          router.push("/tables");
        } else setRefusal(result.error);
      } catch {
        setRefusal("Could not reach the server. Check your connection and try again.");
      }
    });
  return (
    <>
      <button type="button" className={DESTRUCTIVE_LINK} onClick={() => (setRefusal(null), setOpen(true))}>
        Archive table
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Archive ${displayName}?`} className="w-[36rem]">
        <p className="text-sm text-slate-700">The table and its records disappear from the app and the API. Tables that relate to it must drop those columns first.</p>
        {refusal ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            {refusal}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)} autoFocus>
            Cancel
          </Button>
          <Button type="button" variant="danger" onClick={archive} disabled={pending}>
            {pending ? "Archiving…" : "Archive"}
          </Button>
        </div>
      </Modal>
    </>
  );
}
