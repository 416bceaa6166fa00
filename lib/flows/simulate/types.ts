// The vocabulary of a simulation: a dry run of a flow definition through the real engine with
// synthetic people, on sample data, writing nothing. Plain JSON so a run can be stored as a golden
// case's expected route and compared with a later run.
import type { Type } from "@/lib/expressions/types";
import type { FlowState, JsonObject } from "@/lib/flows/engine/types";

/** What the people at a level decide: approve (or submit a form level), reject, send back, request changes. */
export type SimOutcome = "approve" | "reject" | "request_changes" | `send_back:${string}`;

export type SimulationContext = {
  /** Types of the data fields (all forms of the flow), exactly what the runner gives the engine. */
  fieldTypes: Readonly<Record<string, Type>>;
  /** Top-level data keys each level's forms fill (by level id): those values are submitted there. */
  levelFields?: Readonly<Record<string, readonly string[]>>;
  /** Field key → label, for explanations in words ("Amount" instead of "amount"). */
  labels?: Readonly<Record<string, string>>;
  /** The instant the run happens at (conditions with today()); a fixed one keeps golden cases stable. */
  at?: string;
};

/** One condition checked when a level was left, in words ("Amount 12,000 ≥ 1,000"). */
export type SimCheck = { branchId: string; branchName: string; text: string; result: boolean };

export type SimDecision = {
  branchId: string | null;
  chosenBy: "condition" | "default" | "next_level" | "last_level";
  /** Where the instance went: a level's name, "Completed" or "Rejected". */
  targetName: string;
  targetLevelId: string | null;
  checks: SimCheck[];
  /** One line, e.g. "Amount 12,000 ≥ 1,000 → Finance Approval". */
  explanation: string;
};

/** One decision at one visit of a level. */
export type SimStep = {
  levelId: string;
  levelName: string;
  outcome: SimOutcome;
  /** For a send back: the level's name it went back to. */
  sendBackToName?: string;
  /** How many synthetic people approved (ALL / AT_LEAST levels need several). */
  approvals: number;
  /** The routing when approving completed the level (none for reject / send back). */
  decision: SimDecision | null;
};

export type SimStatus = "IN_PROGRESS" | "COMPLETED" | "REJECTED" | "STUCK";

export type SimulationHighlightData = { levelIds: string[]; branchIds: string[]; currentLevelId: string | null };

export type SimulationRun = {
  status: SimStatus;
  /** Why the run cannot go on (an engine refusal, a loop that never ends). */
  stuckReason: string | null;
  steps: SimStep[];
  /** The engine state (kept so the next decision continues from it). */
  state: FlowState;
  data: JsonObject;
  highlight: SimulationHighlightData;
};

/** A route as stored with a golden case and compared at publish. */
export type SimRoute = {
  steps: { levelId: string; levelName: string; outcome: SimOutcome; sendBackToName?: string }[];
  status: Exclude<SimStatus, "IN_PROGRESS">;
  stuckReason?: string | null;
};
