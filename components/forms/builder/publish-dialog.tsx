"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { publishFormAction } from "@/lib/forms/actions";
import type { TFormDefinition } from "@/lib/forms/definition";
import { problemsOf, type TProblem } from "@/lib/forms/builder/problems";
import type { TAutosave } from "./use-draft-autosave";
import { Modal } from "@/components/ui/modal";

type Props = { taskId: string; versionNumber: number; definition: TFormDefinition; autosave: TAutosave; labelOf: (key: string | null) => string; onProblems: (problems: TProblem[]) => void };

/** Publish with a change note: saves the draft first, then asks the server, which may refuse with problems. */
export function PublishButton({ taskId, versionNumber, definition, autosave, labelOf, onProblems }: Props) {
  const router = useRouter();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; problems: TProblem[] } | null>(null);

  const publish = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      if (!(await autosave.flush())) {
        setRefusal({ message: "The draft could not be saved; fix what the builder shows, then publish.", problems: [] });
        return;
      }
      const result = await publishFormAction({ taskId, changeNote: note });
      if (result.ok) {
        toast.success(`Published version ${result.data.number}`);
        setOpen(false);
        router.push(`/forms/${taskId}`);
        return;
      }
      const problems = problemsOf(result.fieldErrors ?? {}, definition);
      onProblems(problems);
      setRefusal({ message: result.error, problems });
    } catch {
      setRefusal({ message: "Could not reach the server. Try again.", problems: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="button" onClick={() => (setRefusal(null), setOpen(true))}>
        Publish…
      </Button>
      <Modal open={open} title={`Publish version ${versionNumber}`} onClose={() => setOpen(false)}>
        <p className="text-sm text-slate-600">Publishing freezes this version: people fill it in from now on, and later edits make a new draft.</p>
        <div className="space-y-1">
          <label htmlFor={noteId} className="block text-sm font-medium text-slate-700">
            Change note
          </label>
          <textarea id={noteId} value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} rows={3} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand" placeholder="What changed, for the version history" />
        </div>
        {refusal ? (
          <div role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p>{refusal.message}</p>
            {refusal.problems.length > 0 ? (
              <ul className="list-disc pl-5 text-xs">
                {refusal.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.fieldKey ? `${labelOf(problem.fieldKey)}: ` : ""}
                    {problem.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="button" onClick={() => void publish()} disabled={busy}>
            {busy ? "Publishing…" : "Publish"}
          </Button>
        </div>
      </Modal>
    </>
  );
}
