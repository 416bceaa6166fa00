"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TAutosave } from "./use-draft-autosave";
import { Modal } from "@/components/ui/modal";

/** Shown when another designer saved the draft since it was loaded: reload theirs, or overwrite with mine. */
export function ConflictDialog({ autosave }: { autosave: TAutosave }) {
  const [busy, setBusy] = useState(false);
  const conflict = autosave.conflict;
  const at = conflict ? new Date(conflict.savedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={Boolean(conflict)} title="Someone else changed this draft" onClose={() => undefined} mandatory>
      <p className="text-sm text-slate-700">
        <strong>{conflict?.savedBy ?? "Someone else"}</strong> saved this draft at {at}. Your latest changes are not saved. Choose which version to keep.
      </p>
      <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600">
        <li>Reload their version: your unsaved changes are discarded.</li>
        <li>Overwrite with mine: their changes are replaced by yours.</li>
      </ul>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" disabled={busy} onClick={() => run(autosave.reloadTheirs)} autoFocus>
          Reload their version
        </Button>
        <Button type="button" variant="danger" disabled={busy} onClick={() => run(autosave.overwrite)}>
          Overwrite with mine
        </Button>
      </div>
    </Modal>
  );
}
