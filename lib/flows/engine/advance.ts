// The flow engine: a reducer. `advance(definition, state, event, context)` returns the next state and
// the effects for the runner to persist in one transaction (assignments, history, timers, outbox), or
// a coded refusal. No I/O, no clock (time comes in the event), never throws.
import type { TFlowDefinition } from "../definition";
import { decisionHandlers } from "./decisions";
import { lifecycleHandlers } from "./lifecycle";
import type { Step } from "./transitions";
import { isTerminal, ZFlowEvent, type AdvanceContext, type AdvanceResult, type EngineError, type EventOf, type FlowEvent, type FlowEventType, type FlowState } from "./types";

type Handler<K extends FlowEventType> = (input: { definition: TFlowDefinition; state: FlowState; event: EventOf<K>; context: AdvanceContext }) => Step;

/** One handler per event type (house style: a registry, not a switch spread over the engine). */
export const HANDLERS: { [K in FlowEventType]: Handler<K> } = { ...lifecycleHandlers, ...decisionHandlers };

/** The state of an instance before its `start` event. */
export function initialState(): FlowState {
  return {
    status: "NOT_STARTED",
    version: 0,
    currentLevelId: null,
    data: {},
    levelDecisions: {},
    path: [],
    startedBy: null,
    initiator: null,
    current: null,
    routing: null,
    visits: 0,
    startedAt: null,
    updatedAt: null,
    endedAt: null,
  };
}

const refuse = (code: EngineError["code"], message: string): AdvanceResult => ({ ok: false, error: { code, message } });

/**
 * Applies one event. Accepted events bump `version` by exactly 1; a stale or repeated timer is
 * accepted as a no-op (`noop: true`, same state and version, no effects); refusals change nothing.
 * Who may act is decided here from the actor's principals; the caller only resolves them.
 */
export function advance(definition: TFlowDefinition, state: FlowState, event: FlowEvent, context: AdvanceContext = {}): AdvanceResult {
  try {
    const parsed = ZFlowEvent.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse("BAD_EVENT", `Invalid event: ${issue.path.join(".") || "event"}: ${issue.message}`);
    }
    const valid = parsed.data;
    if (isTerminal(state.status)) {
      return valid.type === "timer_fired" ? { ok: true, state, effects: [], noop: true } : refuse("TERMINAL", `This request is already ${state.status.toLowerCase()}`);
    }
    if (state.status === "NOT_STARTED" && valid.type !== "start") {
      return valid.type === "timer_fired" ? { ok: true, state, effects: [], noop: true } : refuse("NOT_STARTED", "This request has not been started");
    }
    if (state.status !== "NOT_STARTED" && valid.type === "start") return refuse("ALREADY_STARTED", "This request has already been started");

    const handler = HANDLERS[valid.type] as Handler<FlowEventType>;
    const step = handler({ definition, state, event: valid, context });
    if (!step.ok) return step;
    if (step.noop) return { ok: true, state, effects: [], noop: true };
    return { ok: true, state: { ...step.state, version: state.version + 1, updatedAt: valid.at }, effects: step.effects, noop: false };
  } catch (error) {
    // A bug, not an expected refusal: reported as data so one broken instance cannot crash a worker.
    return refuse("INTERNAL", `The flow engine failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
