"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { publishFlowAction } from "@/lib/flows/design-actions";

// Publish with a change note, in a modal dialog (the browser's <dialog> traps focus and returns it).
// The server runs the same publish check again and may still refuse, with the problems listed. It
// also replays the golden cases: when a route changed, the cases are shown (expected vs now) and
// publishing needs an explicit "I accept these route changes", which the version's change note records.

const GOLDEN_FIELD = "acknowledgeGoldenChanges";

// The server says `"name": expected <route>; now <route>` for each changed case.
function goldenChange(line: string) {
  const match = /^"(.*)": expected (.*); now (.*)$/.exec(line);
  return match ? { name: match[1], expected: match[2], now: match[3] } : { name: line, expected: "", now: "" };
}

export function PublishDialog({ flowId, disabled, reason }: { flowId: string; disabled: boolean; reason?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ message: string; details: string[]; goldenChanges: string[] } | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const publish = () =>
    startTransition(async () => {
      try {
        const result = await publishFlowAction({ flowId, changeNote: note, acknowledgeGoldenChanges: acknowledged });
        if (result.ok) {
          dialog.current?.close();
          const { number, warnings } = result.data;
          toast.success(`Version ${number} published${warnings > 0 ? ` with ${warnings === 1 ? "1 warning" : `${warnings} warnings`} (see the problems panel)` : ""}`);
          router.push(`/flows/${flowId}`);
          router.refresh();
          return;
        }
        const { [GOLDEN_FIELD]: goldenChanges = [], ...others } = result.fieldErrors ?? {};
        setError({ message: result.error, details: Object.values(others).flat(), goldenChanges });
        if (goldenChanges.length === 0) setAcknowledged(false);
      } catch {
        setError({ message: "Could not reach the server. Try again.", details: [], goldenChanges: [] });
      }
    });

  return (
    <>
      <Button type="button" className="w-full" disabled={disabled} onClick={() => { setError(null); setAcknowledged(false); dialog.current?.showModal(); }} aria-describedby={disabled && reason ? "publish-reason" : undefined}>
        Publish…
      </Button>
      {disabled && reason ? (
        <p id="publish-reason" className="text-xs text-slate-500">
          {reason}
        </p>
      ) : null}
      <dialog ref={dialog} aria-labelledby="publish-title" className="w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          method="dialog"
          className="space-y-4 p-5"
          onSubmit={(event) => {
            event.preventDefault();
            publish();
          }}
        >
          <h2 id="publish-title" className="text-lg font-semibold text-slate-900">
            Publish this version
          </h2>
          <p className="text-sm text-slate-600">New requests will use it; requests already running stay on the version they started with. A published version cannot be changed.</p>
          <div>
            <label htmlFor="publish-change-note" className="block text-sm font-medium text-slate-700">
              Change note
            </label>
            <textarea id="publish-change-note" value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand" placeholder="What changed, and why" />
          </div>
          {error ? (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              <p>{error.message}</p>
              {error.details.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {error.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {error?.goldenChanges.length ? (
            <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              <p className="font-medium">Golden cases that take another route</p>
              <ul className="space-y-1.5" aria-label="Changed golden cases">
                {error.goldenChanges.map(goldenChange).map((change) => (
                  <li key={change.name}>
                    <span className="font-medium">{change.name}</span>
                    {change.expected ? (
                      <>
                        <span className="block text-xs">Expected: {change.expected}</span>
                        <span className="block text-xs">Now: {change.now}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} className="h-4 w-4 rounded border-amber-400" />
                I accept these route changes
              </label>
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Publishing…" : "Publish"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
