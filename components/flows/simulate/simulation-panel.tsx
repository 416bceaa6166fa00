"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import type { TFlowDraft } from "@/lib/flows/editor/schema";
import type { Json, JsonObject } from "@/lib/flows/engine/types";
import { simulationContextFor, type SimForm } from "@/lib/flows/simulate/context";
import { availableOutcomes, decide, replaySimulation } from "@/lib/flows/simulate/run";
import { boundaryValues, sampleData } from "@/lib/flows/simulate/sample-data";
import { sampleFieldsByLevel } from "@/lib/flows/simulate/sample-fields";
import type { SimOutcome } from "@/lib/flows/simulate/types";
import { SampleDataFields } from "./sample-data-fields";
import { SaveGoldenCase } from "./save-golden-case";
import { SimulationSteps } from "./simulation-steps";

// Simulate a draft in the browser: enter or generate sample data, then decide level by level
// (approve / reject / send back) and read why each branch was taken. Runs the real engine with
// synthetic people and writes nothing. Only the data and the choices are state: the run is replayed
// from them, so editing the draft or the data re-routes the simulation at once.

export type SimulationHighlight = { levelIds: string[]; branchIds: string[]; currentLevelId: string | null };

type Props = {
  definition: TFlowDraft;
  options: EditorOptions;
  onHighlight?: (highlight: SimulationHighlight | null) => void;
  /** When given, a finished simulation can be saved as a golden case of this flow. */
  flowId?: string;
};

/** The editor's published forms as a simulation reads them (fields and labels by version id). */
export function simulationForms(options: EditorOptions): Map<string, SimForm> {
  return new Map(options.forms.map((form) => [form.taskVersionId, { fields: form.fields, labels: form.labels }]));
}

export function SimulationPanel({ definition, options, onHighlight, flowId }: Props) {
  const forms = useMemo(() => simulationForms(options), [options]);
  const context = useMemo(() => simulationContextFor(definition, forms), [definition, forms]);
  const levels = useMemo(() => sampleFieldsByLevel(definition, forms), [definition, forms]);
  const tries = useMemo(() => boundaryValues(definition, context.fieldTypes), [definition, context]);
  const [data, setData] = useState<JsonObject>({});
  const [choices, setChoices] = useState<SimOutcome[] | null>(null);

  const run = useMemo(() => (choices ? replaySimulation(definition, data, choices, context) : null), [definition, data, choices, context]);
  const outcomes = run ? availableOutcomes(definition, run) : [];
  const currentLevel = run ? definition.levels.find((level) => level.id === run.state.currentLevelId) : undefined;
  const formLevelIds = useMemo(() => new Set(definition.levels.filter((level) => level.taskVersionIds.length > 0).map((level) => level.id)), [definition]);

  // Tell the canvas what to light up only when it changed: a parent passing a new callback on every
  // render (and setting state in it) must not loop. Unmounting clears the highlight.
  const highlightKey = run ? JSON.stringify(run.highlight) : "";
  const notify = useRef(onHighlight);
  useEffect(() => {
    notify.current = onHighlight;
  });
  useEffect(() => {
    notify.current?.(highlightKey ? (JSON.parse(highlightKey) as SimulationHighlight) : null);
  }, [highlightKey]);
  useEffect(() => () => notify.current?.(null), []);

  const setField = (key: string, value: Json | undefined) =>
    setData((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const generate = () => setData({ ...sampleData(context.fieldTypes), ...pickTries(tries) });
  const approveToEnd = () => {
    if (!run) return;
    let next = [...(choices ?? [])];
    let replay = run;
    // Bounded by the engine's own step limit (a loop ends stuck).
    while (replay.status === "IN_PROGRESS") {
      next = [...next, "approve"];
      replay = decide(definition, replay, "approve", context);
    }
    setChoices(next);
  };

  return (
    <section aria-label="Simulation" className="space-y-3">
      <p className="text-xs text-slate-500">Runs the real engine on sample data with stand-in people. Nothing is saved or sent.</p>
      <SampleDataFields levels={levels} data={data} tries={tries} onChange={setField} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={generate}>
          Generate
        </Button>
        {run ? (
          <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={() => setChoices(null)}>
            Reset
          </Button>
        ) : (
          <Button type="button" className="px-3 py-1.5" onClick={() => setChoices([])} disabled={definition.levels.length === 0}>
            Start simulation
          </Button>
        )}
      </div>
      {run ? (
        <>
          <SimulationSteps run={run} currentLevelName={currentLevel?.name ?? null} formLevelIds={formLevelIds} />
          {outcomes.length > 0 ? (
            <div role="group" aria-label={`Decide at ${currentLevel?.name ?? "this level"}`} className="flex flex-wrap gap-2">
              {outcomes.map((choice) => (
                <Button key={choice.outcome} type="button" variant={choice.outcome === "approve" ? "primary" : "secondary"} className="px-3 py-1.5" onClick={() => setChoices([...(choices ?? []), choice.outcome])}>
                  {choice.label}
                </Button>
              ))}
              <Button type="button" variant="ghost" className="px-3 py-1.5" onClick={approveToEnd}>
                Approve to the end
              </Button>
            </div>
          ) : null}
          {flowId && run.status !== "IN_PROGRESS" ? <SaveGoldenCase flowId={flowId} run={run} /> : null}
        </>
      ) : null}
    </section>
  );
}

// Generate: the middle value worth trying for a field a condition reads (e.g. the threshold itself).
function pickTries(tries: Readonly<Record<string, Json[]>>): JsonObject {
  return Object.fromEntries(Object.entries(tries).map(([key, values]) => [key, values[Math.min(1, values.length - 1)]]));
}
