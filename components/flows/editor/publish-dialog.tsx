"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { publishFlowAction } from "@/lib/flows/design-actions";

// Publish with a change note, in a modal dialog (the browser's <dialog> traps focus and returns it).
// The server runs the same publish check again and may still refuse, with the problems listed.

export function PublishDialog({ flowId, disabled, reason }: { flowId: string; disabled: boolean; reason?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const publish = () =>
    startTransition(async () => {
      try {
        const result = await publishFlowAction({ flowId, changeNote: note });
        if (result.ok) {
          dialog.current?.close();
          toast.success(`Version ${result.data.number} published`);
          router.push(`/flows/${flowId}`);
          router.refresh();
          return;
        }
        setError({ message: result.error, details: Object.values(result.fieldErrors ?? {}).flat() });
      } catch {
        setError({ message: "Could not reach the server. Try again.", details: [] });
      }
    });

  return (
    <>
      <Button type="button" className="w-full" disabled={disabled} onClick={() => { setError(null); dialog.current?.showModal(); }} aria-describedby={disabled && reason ? "publish-reason" : undefined}>
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
