// Simulation: a flow definition run through the real engine (`advance`) with synthetic people on
// sample data. One decision at a time (startSimulation, decide) for a UI to step through, or to the
// end with an outcome per level (simulate). Pure: nothing is written, no clock is read.
import type { TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";
import { advance, initialState } from "@/lib/flows/engine/advance";
import { findLevel } from "@/lib/flows/engine/transitions";
import type { AdvanceContext, FlowEvent, FlowState, JsonObject } from "@/lib/flows/engine/types";
import { deciders, initiatorActor, simulatedEngineContext } from "./actors";
import { describeDecision } from "./explain";
import type { SimDecision, SimOutcome, SimStep, SimulationContext, SimulationRun } from "./types";

/** Fixed unless the context says otherwise, so the same case always routes the same way. */
export const DEFAULT_SIM_AT = "2026-01-05T09:00:00.000Z";
/** More decisions than this is a loop that never ends (e.g. always sending back). */
export const MAX_SIM_STEPS = 100;
const REASON = "Simulated decision";

type Prepared = { engine: AdvanceContext; at: string; labels: Readonly<Record<string, string>> };

// The engine context is cached per definition + context: the compiled conditions are cached by it too.
const prepared = new WeakMap<TFlowDefinition, WeakMap<SimulationContext, Prepared>>();
function prepare(definition: TFlowDefinition, context: SimulationContext): Prepared {
  let byContext = prepared.get(definition);
  if (!byContext) prepared.set(definition, (byContext = new WeakMap()));
  let found = byContext.get(context);
  if (!found) byContext.set(context, (found = { engine: simulatedEngineContext(definition, context.fieldTypes), at: context.at ?? DEFAULT_SIM_AT, labels: context.labels ?? {} }));
  return found;
}

/** Which of the sample values a level's forms fill (submitted there); the rest is known from the start. */
function split(definition: TFlowDefinition, data: JsonObject, context: SimulationContext) {
  const byLevel = new Map<string, JsonObject>();
  const filled = new Set<string>();
  for (const level of definition.levels) {
    const keys = level.taskVersionIds.length > 0 ? (context.levelFields?.[level.id] ?? []) : [];
    const own: JsonObject = {};
    for (const key of keys) {
      if (!Object.hasOwn(data, key)) continue;
      own[key] = data[key];
      filled.add(key);
    }
    byLevel.set(level.id, own);
  }
  const initial: JsonObject = {};
  for (const [key, value] of Object.entries(data)) if (!filled.has(key)) initial[key] = value;
  return { byLevel, initial };
}

function highlightOf(state: FlowState, steps: readonly SimStep[], startLevelId: string | null) {
  const levelIds = [...new Set([...(startLevelId ? [startLevelId] : []), ...steps.map((step) => step.levelId), ...(state.currentLevelId ? [state.currentLevelId] : [])])];
  const branchIds = [...new Set(steps.flatMap((step) => (step.decision?.branchId ? [step.decision.branchId] : [])))];
  return { levelIds, branchIds, currentLevelId: state.currentLevelId };
}

function finished(run: Omit<SimulationRun, "highlight">, startLevelId: string | null): SimulationRun {
  return { ...run, highlight: highlightOf(run.state, run.steps, startLevelId) };
}

const stuck = (run: SimulationRun, reason: string): SimulationRun => ({ ...run, status: "STUCK", stuckReason: reason });

const startIdOf = (run: SimulationRun) => run.highlight.levelIds[0] ?? null;

/** Starts a simulated request with `data` as the sample submission; it waits at the first level. */
export function startSimulation(definition: TFlowDefinition, data: JsonObject, context: SimulationContext): SimulationRun {
  const { engine, at } = prepare(definition, context);
  const { initial } = split(definition, data, context);
  const event: FlowEvent = { type: "start", initiator: initiatorActor, data: initial, at };
  const result = advance(definition, initialState(), event, engine);
  if (!result.ok) {
    const state = initialState();
    return { status: "STUCK", stuckReason: result.error.message, steps: [], state, data, highlight: { levelIds: [], branchIds: [], currentLevelId: null } };
  }
  return finished({ status: "IN_PROGRESS", stuckReason: null, steps: [], state: result.state, data }, result.state.currentLevelId);
}

/** The positive action a level takes: a form level is submitted, others approved. */
export function positiveAction(level: TFlowLevel): "submit" | "approve" {
  return level.allowedActions.includes("submit") && (level.taskVersionIds.length > 0 || !level.allowedActions.includes("approve")) ? "submit" : "approve";
}

/** The outcomes the people at the current level may choose (send back: one per earlier level on the path). */
export function availableOutcomes(definition: TFlowDefinition, run: SimulationRun): { outcome: SimOutcome; label: string }[] {
  const level = findLevel(definition, run.state.currentLevelId);
  if (!level || run.status !== "IN_PROGRESS") return [];
  const choices: { outcome: SimOutcome; label: string }[] = [];
  const positive = positiveAction(level);
  if (level.allowedActions.includes(positive)) choices.push({ outcome: "approve", label: positive === "submit" ? "Submit" : "Approve" });
  if (level.allowedActions.includes("reject")) choices.push({ outcome: "reject", label: "Reject" });
  if (level.allowedActions.includes("send_back")) {
    for (const levelId of run.state.path) {
      if (levelId === level.id) continue;
      choices.push({ outcome: `send_back:${levelId}`, label: `Send back to ${findLevel(definition, levelId)?.name ?? levelId}` });
    }
  }
  if (level.allowedActions.includes("request_changes")) choices.push({ outcome: "request_changes", label: "Request changes" });
  return choices;
}

/** Applies one decision at the current level (every approver needed for its mode, on "approve"). */
export function decide(definition: TFlowDefinition, run: SimulationRun, outcome: SimOutcome, context: SimulationContext): SimulationRun {
  if (run.status !== "IN_PROGRESS") return run;
  const { engine, at, labels } = prepare(definition, context);
  const level = findLevel(definition, run.state.currentLevelId);
  if (!level) return stuck(run, `The request is at a level this flow does not have`);
  if (run.steps.length >= MAX_SIM_STEPS) return stuck(run, `More than ${MAX_SIM_STEPS} decisions: the route loops without end`);
  const people = deciders(level, run.state);
  const events: FlowEvent[] = [];
  let sendBackToName: string | undefined;
  if (outcome === "approve") {
    const action = positiveAction(level);
    const submitted = split(definition, run.data, context).byLevel.get(level.id) ?? {};
    for (const [index, actor] of people.entries()) {
      // The form is filled once; further approvers of the level only approve.
      if (action === "submit") events.push({ type: "submit", actor, data: index === 0 ? submitted : {}, at });
      else events.push({ type: "approve", actor, ...(index === 0 && Object.keys(submitted).length > 0 ? { data: submitted } : {}), at });
    }
  } else if (outcome === "reject") {
    events.push({ type: "reject", actor: people[0], reason: REASON, at });
  } else if (outcome === "request_changes") {
    events.push({ type: "request_changes", actor: people[0], reason: REASON, at });
  } else {
    const toLevelId = outcome.slice("send_back:".length);
    sendBackToName = findLevel(definition, toLevelId)?.name ?? toLevelId;
    events.push({ type: "send_back", actor: people[0], reason: REASON, toLevelId, at });
  }

  let state = run.state;
  let decision: SimDecision | null = null;
  let approvals = 0;
  for (const event of events) {
    // Once the level is left (e.g. AT_LEAST met early) the remaining approvers have nothing to do.
    if (state.current?.visit !== run.state.current?.visit) break;
    const result = advance(definition, state, event, engine);
    if (!result.ok) return stuck(run, `${level.name}: ${result.error.message}`);
    state = result.state;
    if (event.type === "approve" || event.type === "submit") approvals += 1;
    for (const effect of result.effects) {
      if (effect.type === "record_history" && effect.routing) decision = describeDecision(definition, effect.routing, labels);
    }
  }
  const step: SimStep = { levelId: level.id, levelName: level.name, outcome, approvals, decision, ...(sendBackToName ? { sendBackToName } : {}) };
  const status = state.status === "COMPLETED" ? "COMPLETED" : state.status === "REJECTED" ? "REJECTED" : "IN_PROGRESS";
  return finished({ status, stuckReason: null, steps: [...run.steps, step], state, data: run.data }, startIdOf(run));
}

/** Starts and applies the decisions in order (a UI keeps only the choices and replays them). */
export function replaySimulation(definition: TFlowDefinition, data: JsonObject, choices: readonly SimOutcome[], context: SimulationContext): SimulationRun {
  let run = startSimulation(definition, data, context);
  for (const choice of choices) run = decide(definition, run, choice, context);
  return run;
}

export type SimulationInput = {
  data: JsonObject;
  /** By level id: the outcome at every visit, or one per visit in order (then approve). Absent = approve. */
  outcomes?: Readonly<Record<string, SimOutcome | readonly SimOutcome[]>>;
};

/** Runs a simulated request to its end (or until it is stuck): the route, every decision explained. */
export function simulate(definition: TFlowDefinition, input: SimulationInput, context: SimulationContext): SimulationRun {
  let run = startSimulation(definition, input.data, context);
  const visits = new Map<string, number>();
  while (run.status === "IN_PROGRESS") {
    const levelId = run.state.currentLevelId!;
    const visit = visits.get(levelId) ?? 0;
    visits.set(levelId, visit + 1);
    const planned = input.outcomes?.[levelId];
    const outcome: SimOutcome = planned === undefined ? "approve" : typeof planned === "string" ? planned : (planned[visit] ?? "approve");
    run = decide(definition, run, outcome, context);
  }
  return run;
}
