// Routes as golden cases keep them: the decisions in order (level, outcome) and how the request ended.
// A case is replayed against a later draft with the same outcomes, and its route compared by what
// people see — level names and outcomes — because a new draft of a published flow gives every level
// a new id.
import type { TFlowDefinition } from "@/lib/flows/definition";
import type { JsonObject } from "@/lib/flows/engine/types";
import { simulate } from "./run";
import type { SimOutcome, SimRoute, SimulationContext, SimulationRun } from "./types";

/** The route of a finished run (a run still waiting counts as stuck: nobody decides for it). */
export function routeOf(run: SimulationRun): SimRoute {
  return {
    steps: run.steps.map((step) => ({
      levelId: step.levelId,
      levelName: step.levelName,
      outcome: step.outcome,
      ...(step.sendBackToName ? { sendBackToName: step.sendBackToName } : {}),
    })),
    status: run.status === "IN_PROGRESS" ? "STUCK" : run.status,
    stuckReason: run.status === "IN_PROGRESS" ? "Waiting for a decision" : run.stuckReason,
  };
}

// A level of this definition for a stored reference: the same id, else the one level of that name.
function resolveLevel(definition: TFlowDefinition, levelId: string, levelName: string | undefined): string | null {
  if (definition.levels.some((level) => level.id === levelId)) return levelId;
  const named = definition.levels.filter((level) => level.name === levelName);
  return named.length === 1 ? named[0].id : null;
}

/** The outcomes a stored route chose, by level of `definition` and visit, to replay it there. */
export function outcomesFromRoute(definition: TFlowDefinition, route: SimRoute): Record<string, SimOutcome[]> {
  const outcomes: Record<string, SimOutcome[]> = {};
  const nameById = new Map(route.steps.map((step) => [step.levelId, step.levelName]));
  for (const step of route.steps) {
    const levelId = resolveLevel(definition, step.levelId, step.levelName);
    if (!levelId) continue;
    let outcome = step.outcome;
    if (outcome.startsWith("send_back:")) {
      const storedTarget = outcome.slice("send_back:".length);
      const target = resolveLevel(definition, storedTarget, step.sendBackToName ?? nameById.get(storedTarget));
      if (!target) continue;
      outcome = `send_back:${target}`;
    }
    (outcomes[levelId] ??= []).push(outcome);
  }
  return outcomes;
}

const outcomeWord = (step: SimRoute["steps"][number]) =>
  step.outcome.startsWith("send_back:") ? `sent back to ${step.sendBackToName ?? "an earlier level"}` : step.outcome === "approve" ? "approved" : step.outcome === "reject" ? "rejected" : "changes requested";

const STATUS_WORD: Record<SimRoute["status"], string> = { COMPLETED: "Completed", REJECTED: "Rejected", STUCK: "Stuck" };

/** A route in one line: "Manager Review (approved) → Finance Approval (approved) → Completed". */
export function routeText(route: SimRoute): string {
  return [...route.steps.map((step) => `${step.levelName} (${outcomeWord(step)})`), STATUS_WORD[route.status]].join(" → ");
}

/** Whether two routes differ in what people see: the levels in order, their outcomes, the end. */
export function routesDiffer(expected: SimRoute, actual: SimRoute): boolean {
  const key = (route: SimRoute) => JSON.stringify([route.status, route.steps.map((step) => [step.levelName, step.outcome.split(":")[0], step.sendBackToName ?? null])]);
  return key(expected) !== key(actual);
}

export type GoldenCaseInput = { name: string; data: JsonObject; expected: SimRoute };
export type GoldenCaseResult = { name: string; changed: boolean; expected: SimRoute; actual: SimRoute; expectedText: string; actualText: string };

/** Replays a golden case against `definition` with the real engine and compares the routes. */
export function runGoldenCase(definition: TFlowDefinition, goldenCase: GoldenCaseInput, context: SimulationContext): GoldenCaseResult {
  const run = simulate(definition, { data: goldenCase.data, outcomes: outcomesFromRoute(definition, goldenCase.expected) }, context);
  const actual = routeOf(run);
  return {
    name: goldenCase.name,
    changed: routesDiffer(goldenCase.expected, actual),
    expected: goldenCase.expected,
    actual,
    expectedText: routeText(goldenCase.expected),
    actualText: routeText(actual),
  };
}
