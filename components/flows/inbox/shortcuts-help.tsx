"use client";

import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

const SHORTCUTS: [string[], string][] = [
  [["j", "↓"], "Next request"],
  [["k", "↑"], "Previous request"],
  [["Enter"], "Open the request"],
  [["a"], "Approve (asks for an optional comment)"],
  [["r"], "Reject (asks for a reason)"],
  [["x"], "Select or unselect for a bulk decision"],
  [["?"], "Show these shortcuts"],
  [["Esc"], "Close a dialog"],
];

/** The inbox's keyboard shortcuts (opened with "?"). */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title="Keyboard shortcuts" description="They work anywhere on the inbox except while typing in a field.">
      <dl className="divide-y divide-slate-100 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="flex items-center justify-between gap-4 py-2">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className="min-w-7 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd className="text-right text-slate-700">{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <Button type="button" variant="secondary" onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
    </Modal>
  );
}
