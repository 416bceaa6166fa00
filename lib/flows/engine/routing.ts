// Leaving a level: the branches' conditions in priority order (first true wins), else the default
// branch, else the next level by order, else the end — with the evaluated values kept as the answer
// to "why is this here?".
import { fieldsUsed } from "@/lib/expressions/analysis";
import { compileCondition, parseExpression, type CompiledCondition } from "@/lib/expressions/api";
import { formatExplanation } from "@/lib/expressions/explain";
import { t, type Type } from "@/lib/expressions/types";
import { INITIATOR_ENV, type TFlowBranch, type TFlowDefinition } from "../definition";
import { branchesFrom, nextLevelByOrder } from "./graph";
import type { AdvanceContext, BranchEvaluation, EngineError, InitiatorSnapshot, JsonObject, RouteTarget, RoutingDecision } from "./types";

type Compiled = CompiledCondition | { ok: false; message: string };
type FieldTypes = NonNullable<AdvanceContext["fieldTypes"]>;

// Compiled conditions per definition and field-type map; both are immutable snapshots, so weak keys
// are enough and a new version (a new object) never sees a stale entry.
const NO_TYPES: FieldTypes = {};
const compiledCache = new WeakMap<TFlowDefinition, WeakMap<FieldTypes, Map<string, Compiled>>>();

function compileBranch(definition: TFlowDefinition, branch: TFlowBranch, fieldTypes: FieldTypes): Compiled {
  let byTypes = compiledCache.get(definition);
  if (!byTypes) compiledCache.set(definition, (byTypes = new WeakMap()));
  let byBranch = byTypes.get(fieldTypes);
  if (!byBranch) byTypes.set(fieldTypes, (byBranch = new Map()));
  const cached = byBranch.get(branch.id);
  if (cached) return cached;
  const compiled = compile(branch.condition ?? "", fieldTypes);
  byBranch.set(branch.id, compiled);
  return compiled;
}

// The publish check typed every field; at run time a field without a declared type is read as
// `unknown` and converted where it is used (so "12000.00" still compares as a number).
function compile(source: string, fieldTypes: FieldTypes): Compiled {
  const parsed = parseExpression(source);
  if (!parsed.ok) return { ok: false, message: parsed.diagnostics.map((d) => d.message).join("; ") };
  const env: Record<string, Type> = {};
  for (const path of fieldsUsed(parsed.ast)) {
    env[path] = Object.hasOwn(fieldTypes, path) ? fieldTypes[path] : Object.hasOwn(INITIATOR_ENV, path) ? INITIATOR_ENV[path] : t.unknown;
  }
  const compiled = compileCondition(source, env);
  return compiled.ok ? compiled : { ok: false, message: compiled.diagnostics.map((d) => d.message).join("; ") };
}

export type RouteInput = {
  data: JsonObject;
  initiator: InitiatorSnapshot | null;
  at: string;
  context: AdvanceContext;
};

// A compound explanation spans several lines; the summary keeps one line per branch.
const oneLine = (evaluation: BranchEvaluation) =>
  evaluation.explanation.includes("\n") ? `${evaluation.source} → ${evaluation.result}` : evaluation.explanation;

const targetOf = (branch: TFlowBranch): RouteTarget =>
  branch.target === "LEVEL" && branch.toLevelId !== null ? { kind: "LEVEL", levelId: branch.toLevelId } : branch.target === "REJECT" ? { kind: "REJECT" } : { kind: "COMPLETE" };

/** Decides where an instance goes when it leaves `levelId`; refuses (never guesses) on a broken condition. */
export function routeFrom(definition: TFlowDefinition, levelId: string, input: RouteInput): { ok: true; decision: RoutingDecision } | { ok: false; error: EngineError } {
  const branches = branchesFrom(definition, levelId);
  const data = { ...input.data, initiator: input.initiator };
  const options = { now: new Date(input.at), timeZone: input.context.timeZone };
  const evaluated: BranchEvaluation[] = [];
  const nameOf = (target: RouteTarget) =>
    target.kind === "LEVEL" ? `"${definition.levels.find((level) => level.id === target.levelId)?.name ?? target.levelId}"` : target.kind === "COMPLETE" ? "completed" : "rejected";
  const decide = (chosenBy: RoutingDecision["chosenBy"], branch: TFlowBranch | null, target: RouteTarget, reason: string): RoutingDecision => {
    const tried = evaluated.filter((evaluation) => !evaluation.result).map((evaluation) => `${evaluation.name}: ${oneLine(evaluation)}`);
    return { fromLevelId: levelId, evaluated, chosenBy, branchId: branch?.id ?? null, target, summary: [...tried, `${reason} → ${nameOf(target)}`].join("; ") };
  };

  for (const branch of branches) {
    if (branch.isDefault || branch.condition === null) continue;
    const compiled = compileBranch(definition, branch, input.context.fieldTypes ?? NO_TYPES);
    if (!compiled.ok) {
      return { ok: false, error: { code: "BAD_DEFINITION", message: `The condition of branch "${branch.name}" cannot run: ${compiled.message}` } };
    }
    const result = compiled.evaluate(data, options);
    const evaluation = { branchId: branch.id, name: branch.name, source: branch.condition, result, explanation: formatExplanation(compiled.explain(data, options)) };
    evaluated.push(evaluation);
    if (result) return { ok: true, decision: decide("condition", branch, targetOf(branch), `${branch.name}: ${oneLine(evaluation)}`) };
  }
  const fallback = branches.find((branch) => branch.isDefault);
  if (fallback) return { ok: true, decision: decide("default", fallback, targetOf(fallback), `default branch "${fallback.name}"`) };
  const next = nextLevelByOrder(definition, levelId);
  if (next) return { ok: true, decision: decide("next_level", null, { kind: "LEVEL", levelId: next.id }, "no branch applies, next level") };
  return { ok: true, decision: decide("last_level", null, { kind: "COMPLETE" }, "no branch applies after the last level") };
}
