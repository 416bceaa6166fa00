"use client";

import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import type { TFlowDraft } from "@/lib/flows/editor/schema";
import type { JsonObject } from "@/lib/flows/engine/types";
import { simulationContextFor } from "@/lib/flows/simulate/context";
import { runGoldenCase, type GoldenCaseResult } from "@/lib/flows/simulate/route";
import { simulationForms } from "./simulation-panel";
import { useChangeGoldenCase, useGoldenCases } from "./use-golden-cases";

// The flow's golden cases against the draft as it is now: "Run all" replays each through the real
// engine (the same check publish makes) and shows which still pass and which take another route,
// old route beside new. Accepting a new route is an explicit act here, never a side effect of publish.

type Props = { flowId: string; definition: TFlowDraft; options: EditorOptions };

export function GoldenCasesPanel({ flowId, definition, options }: Props) {
  const cases = useGoldenCases(flowId);
  const change = useChangeGoldenCase(flowId);
  const [ran, setRan] = useState(false);
  const context = useMemo(() => simulationContextFor(definition, simulationForms(options)), [definition, options]);
  // Once run, results follow the draft as it is edited.
  const results = useMemo(() => {
    if (!ran || !cases.data) return new Map<string, GoldenCaseResult>();
    return new Map(cases.data.map((item) => [item.id, runGoldenCase(definition, { name: item.name, data: item.data as JsonObject, expected: item.expected }, context)]));
  }, [ran, cases.data, definition, context]);
  const changed = [...results.values()].filter((result) => result.changed).length;

  const act = (label: string, run: () => Promise<unknown>) => run().then(() => toast.success(label), (error: Error) => toast.error(error.message));

  return (
    <section aria-labelledby="golden-heading" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="golden-heading" className="text-sm font-semibold text-slate-700">
          Golden cases
        </h2>
        <Button type="button" variant="secondary" className="px-3 py-1" onClick={() => setRan(true)} disabled={!cases.data?.length}>
          Run all
        </Button>
      </div>
      {cases.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {cases.isError ? <p className="text-sm text-red-700">{cases.error.message}</p> : null}
      {cases.data?.length === 0 ? <p className="text-sm text-slate-500">None yet. Simulate a request and save it as a golden case: publishing checks its route still holds.</p> : null}
      {ran && cases.data?.length ? (
        <p role="status" aria-live="polite" className={changed > 0 ? "text-sm text-amber-800" : "text-sm text-green-800"}>
          {changed > 0 ? `${changed} of ${cases.data.length} take another route with this draft.` : `All ${cases.data.length} take their expected route.`}
        </p>
      ) : null}
      <ul className="space-y-2" aria-label="Golden cases">
        {cases.data?.map((item) => {
          const result = results.get(item.id);
          return (
            <li key={item.id} aria-label={item.name} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
              <div className="flex items-start justify-between gap-2">
                <span className="font-medium text-slate-900">{item.name}</span>
                {result ? (
                  <span className={result.changed ? "rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900" : "rounded bg-green-100 px-1.5 text-xs font-medium text-green-900"}>
                    {result.changed ? "Changed" : "Passes"}
                  </span>
                ) : null}
              </div>
              {result?.changed ? (
                <dl className="mt-1 space-y-0.5 text-xs">
                  <dt className="font-medium text-slate-600">Expected</dt>
                  <dd className="text-slate-800">{result.expectedText}</dd>
                  <dt className="font-medium text-slate-600">Now</dt>
                  <dd className="text-slate-800">{result.actualText}</dd>
                </dl>
              ) : null}
              <div className="mt-1 flex gap-1">
                {result?.changed ? (
                  <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" disabled={change.isPending} onClick={() => act(`"${item.name}" now expects the new route`, () => change.mutateAsync({ kind: "accept", caseId: item.id, expected: result.actual }))}>
                    Accept new route
                  </Button>
                ) : null}
                <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs text-red-700" aria-label={`Delete golden case ${item.name}`} disabled={change.isPending} onClick={() => act(`"${item.name}" deleted`, () => change.mutateAsync({ kind: "delete", caseId: item.id }))}>
                  Delete
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
