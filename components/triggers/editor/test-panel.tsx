"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { EmailPreview } from "@/components/email-templates/email-preview";
import { formatWhen } from "@/components/org/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select, Textarea } from "@/components/ui/inputs";
import { Modal } from "@/components/ui/modal";
import { parseSample } from "@/lib/email-templates/sample";
import type { TEventType } from "@/lib/triggers/definition";
import { triggerKeys } from "@/lib/triggers/keys";
import { ACTION_LABELS } from "@/lib/triggers/labels";
import { recentEventsAction, runTriggerManuallyAction, testTriggerAction } from "@/lib/triggers/server-actions";
import type { TActionPreview, TTestRun } from "@/lib/triggers/test-run";
import { useTriggerForm, useValueAt } from "./form-helpers";

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * "Test": the trigger as edited, against sample data or a recent event; nothing is written. After a
 * dry run of a saved trigger, "Run for real" (confirmed in a dialog) runs its actions on the same input.
 */
export function TestPanel({ triggerId }: { triggerId?: string }) {
  const { form } = useTriggerForm();
  const eventType = useValueAt<TEventType>("eventType");
  const [mode, setMode] = useState<"sample" | "event">("sample");
  const [sampleText, setSampleText] = useState("{}");
  const [eventId, setEventId] = useState("");
  const [result, setResult] = useState<TTestRun | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const sample = parseSample(sampleText);
  const events = useQuery({
    queryKey: triggerKeys.recentEvents(eventType),
    queryFn: async () => {
      const response = await recentEventsAction({ type: eventType });
      if (!response.ok) throw new Error(response.error);
      return response.data;
    },
    enabled: mode === "event",
  });

  const input = mode === "sample" ? { sample: sample.ok ? sample.data : {} } : { eventId };
  const run = () =>
    startTransition(async () => {
      setProblem(null);
      setResult(null);
      if (mode === "sample" && !sample.ok) return setProblem(sample.message);
      if (mode === "event" && !eventId) return setProblem("Choose an event");
      try {
        const response = await testTriggerAction({ trigger: form.getValues(), ...input });
        if (response.ok) return setResult(response.data);
        // The same checks as saving: the problems go to their inputs as well.
        for (const [path, messages] of Object.entries(response.fieldErrors ?? {})) form.setError(path as never, { type: "server", message: messages[0] });
        setProblem(response.fieldErrors ? `${response.error} ${Object.values(response.fieldErrors).flat().join(" · ")}` : response.error);
      } catch {
        setProblem("Could not reach the server. Check your connection and try again.");
      }
    });

  return (
    <Card role="region" aria-labelledby="trigger-test-title" className="space-y-4 p-5">
      <div>
        <h2 id="trigger-test-title" className="text-base font-semibold text-slate-900">Test</h2>
        <p className="text-sm text-slate-500">Runs the trigger as it is on screen: the condition explained and what each action would do. Nothing is sent or written.</p>
      </div>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Test against</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="test-mode" checked={mode === "sample"} onChange={() => setMode("sample")} /> Sample data
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="test-mode" checked={mode === "event"} onChange={() => setMode("event")} /> A recent event
        </label>
      </fieldset>
      {mode === "sample" ? (
        <div className="space-y-1">
          <label htmlFor="trigger-test-sample" className="block text-sm font-medium text-slate-700">Sample data (JSON)</label>
          <Textarea id="trigger-test-sample" rows={5} className="font-mono text-xs" value={sampleText} onChange={(event) => setSampleText(event.target.value)} invalid={!sample.ok} errorId="trigger-test-sample-error" />
          {!sample.ok ? <p id="trigger-test-sample-error" className="text-sm text-red-600">{sample.message}</p> : null}
        </div>
      ) : (
        <div className="space-y-1">
          <label htmlFor="trigger-test-event" className="block text-sm font-medium text-slate-700">Past event</label>
          <Select id="trigger-test-event" value={eventId} onChange={(event) => setEventId(event.target.value)}>
            <option value="">{events.isLoading ? "Loading…" : events.data?.length ? "Choose an event" : "No recent events of this type"}</option>
            {events.data?.map((event) => (
              <option key={event.id} value={event.id}>
                {formatWhen(new Date(event.createdAt))} — {event.summary || event.entity}
              </option>
            ))}
          </Select>
        </div>
      )}
      <Button type="button" variant="secondary" onClick={run} disabled={pending}>
        {pending ? "Testing…" : "Run test"}
      </Button>
      <div aria-live="polite" className="space-y-4">
        {problem ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p> : null}
        {result ? <TestResult result={result} /> : null}
      </div>
      {result && triggerId ? <RunForReal triggerId={triggerId} input={input} matched={result.matched} /> : null}
    </Card>
  );
}

function TestResult({ result }: { result: TTestRun }) {
  return (
    <section aria-label="Test result" className="space-y-3">
      <p className={`text-sm font-semibold ${result.matched ? "text-green-700" : "text-slate-700"}`}>{result.matched ? "Condition matched: the actions would run" : "Condition not matched: nothing would run"}</p>
      <pre className="whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 font-mono text-xs text-slate-700">{result.explanation}</pre>
      {result.actions.map((action) => (
        <ActionPreview key={action.index} action={action} />
      ))}
    </section>
  );
}

function ActionPreview({ action }: { action: TActionPreview }) {
  const would = action.wouldDo;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3">
      <h3 className="text-sm font-semibold">
        Action {action.index + 1}: {ACTION_LABELS[action.type] ?? action.type}
      </h3>
      {action.problems.length ? (
        <ul className="list-inside list-disc text-sm text-amber-800">
          {action.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {action.type === "send_email" && typeof would.html === "string" ? (
        <>
          <p className="text-sm"><span className="text-slate-500">To: </span>{(would.to as string[]).join(", ") || "—"}</p>
          <EmailPreview title={`Action ${action.index + 1} email`} email={{ subject: String(would.subject ?? ""), html: would.html, text: String(would.text ?? ""), missing: [] }} />
        </>
      ) : action.type === "call_webhook" ? (
        <>
          <p className="font-mono text-xs">{String(would.method)} {String(would.url)}</p>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 font-mono text-xs">{String(would.body)}</pre>
        </>
      ) : (
        <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 font-mono text-xs">{json(would)}</pre>
      )}
    </div>
  );
}

type TManualRun = { executionId: string; status: string };

/** Runs the saved trigger's actions for real on the tested input, after a confirmation. */
function RunForReal({ triggerId, input, matched }: { triggerId: string; input: { sample?: Record<string, unknown>; eventId?: string }; matched: boolean }) {
  const { form } = useTriggerForm();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<TManualRun | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The saved trigger is what runs: unsaved edits would make the dry run above a different trigger.
  const unsaved = form.formState.isDirty;
  const confirm = () =>
    startTransition(async () => {
      setProblem(null);
      try {
        const response = await runTriggerManuallyAction({ triggerId, ...input });
        setOpen(false);
        if (response.ok) setDone(response.data);
        else setProblem(response.error);
      } catch {
        setOpen(false);
        setProblem("Could not reach the server. Check your connection and try again.");
      }
    });
  return (
    <div className="space-y-2 border-t border-slate-200 pt-4">
      <Button type="button" variant="danger" onClick={() => setOpen(true)} disabled={unsaved || pending} aria-describedby="trigger-run-real-hint">
        Run for real…
      </Button>
      <p id="trigger-run-real-hint" className="text-xs text-slate-500">
        {unsaved ? "Save the trigger first: the saved version is what runs." : "Runs the saved trigger's actions on this input now, recorded as a manual test run."}
      </p>
      <div aria-live="polite">
        {problem ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p> : null}
        {done ? (
          <p className="text-sm">
            Ran for real: <strong>{done.status.toLowerCase().replace("_", " ")}</strong>.{" "}
            <Link className="text-brand underline" href={`/triggers/executions/${done.executionId}`}>
              Open the execution
            </Link>
          </p>
        ) : null}
      </div>
      <Modal open={open} onClose={() => setOpen(false)} title="Run the actions for real?" description={matched ? "Emails are sent, webhooks called, rows written and flows started — exactly as shown in the test above." : "The condition did not match this input: the execution will be recorded as skipped and no action will run."}>
        <div className="flex gap-2">
          <Button type="button" variant="danger" disabled={pending} onClick={confirm}>
            {pending ? "Running…" : "Run actions"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
        </div>
      </Modal>
    </div>
  );
}
