"use client";

import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

/**
 * Asks before a save that touches existing records. When some records cannot take a change the
 * server would refuse it, so Apply is disabled and the dialog says what to do instead.
 */
export function ChangePreviewDialog({ open, lines, blocked, pending, onApply, onCancel }: { open: boolean; lines: string[]; blocked: boolean; pending: boolean; onApply: () => void; onCancel: () => void }) {
  return (
    <Modal open={open} onClose={onCancel} title="Apply these changes to existing records?" className="w-[36rem]">
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {blocked ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some records cannot take this change. Fix or clear their values first, or choose another type — nothing is changed until every record converts.
        </p>
      ) : (
        <p className="text-sm text-slate-600">Everything is applied in one step; if anything fails, nothing changes.</p>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button type="button" onClick={onApply} disabled={blocked || pending}>
          {pending ? "Applying…" : "Apply"}
        </Button>
      </div>
    </Modal>
  );
}
