// The engine's routing decision in words for a simulation: each evaluated condition with the values
// it saw and field labels ("Amount 12,000 ≥ 1,000"), and one line for the way taken
// ("Amount 12,000 ≥ 1,000 → Finance Approval"). Built from the engine's own evaluation, never a
// second evaluation of the conditions.
import type { TFlowDefinition } from "@/lib/flows/definition";
import type { BranchEvaluation, RoutingDecision } from "@/lib/flows/engine/types";
import { readableCondition } from "@/lib/flows/view/routing-text";
import type { SimCheck, SimDecision } from "./types";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Field paths shown with their value (`amount (12000)`) replaced by their labels (`Amount (12000)`). */
export function withLabels(line: string, labels: Readonly<Record<string, string>>): string {
  let text = line;
  // Longest first, so "amount_total" is not half-replaced by "amount".
  for (const path of Object.keys(labels).sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(`(?<![\\w.])${escapeRegExp(path)}(?= \\()`, "g"), labels[path]);
  }
  return text;
}

const VERDICT = / → (true|false|null)$/;

// A compound condition explains itself over several lines ("all of → true" and one line per part);
// its parts joined read better than the verdict alone.
function checkText(evaluation: BranchEvaluation, labels: Readonly<Record<string, string>>): string {
  const lines = evaluation.explanation.split("\n").map((line) => line.trim()).filter(Boolean);
  const shown = lines.length > 1 ? lines.slice(1) : lines;
  if (shown.length === 0) return evaluation.source;
  return shown.map((line) => readableCondition(withLabels(line.replace(VERDICT, ""), labels))).join("; ");
}

export function targetNameOf(definition: TFlowDefinition, decision: RoutingDecision): string {
  const { target } = decision;
  if (target.kind === "LEVEL") return definition.levels.find((level) => level.id === target.levelId)?.name ?? target.levelId;
  return target.kind === "COMPLETE" ? "Completed" : "Rejected";
}

/** A routing decision of the engine, explained for people. */
export function describeDecision(definition: TFlowDefinition, decision: RoutingDecision, labels: Readonly<Record<string, string>> = {}): SimDecision {
  const checks: SimCheck[] = decision.evaluated.map((evaluation) => ({
    branchId: evaluation.branchId,
    branchName: evaluation.name,
    text: checkText(evaluation, labels),
    result: evaluation.result,
  }));
  const targetName = targetNameOf(definition, decision);
  const chosen = checks.find((check) => check.branchId === decision.branchId && check.result);
  const failed = checks.filter((check) => !check.result).map((check) => `not ${check.text}`);
  const branch = definition.branches.find((item) => item.id === decision.branchId);
  const why =
    decision.chosenBy === "condition"
      ? (chosen?.text ?? branch?.condition ?? "")
      : decision.chosenBy === "default"
        ? [...failed, `default${branch?.name ? ` “${branch.name}”` : ""}`].join("; ")
        : decision.chosenBy === "next_level"
          ? [...failed, "no branch applies, next level"].join("; ")
          : [...failed, "no branch applies after the last level"].join("; ");
  return {
    branchId: decision.branchId,
    chosenBy: decision.chosenBy,
    targetName,
    targetLevelId: decision.target.kind === "LEVEL" ? decision.target.levelId : null,
    checks,
    explanation: `${why} → ${targetName}`,
  };
}
