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
const CONNECTIVE: Record<string, string> = { "all of": " and ", "any of": " or " };

// One explanation line for people: labels, grouped numbers, math signs, values without brackets.
function readable(line: string, labels: Readonly<Record<string, string>>): string {
  return readableCondition(withLabels(line.replace(VERDICT, ""), labels)).replace(/\(("(?:[^"\\]|\\.)*")\)/g, "$1");
}

// A compound condition explains itself over several lines ("all of → true", then one indented line
// per part): its direct parts are joined by their connective, each with its own verdict.
function checkText(evaluation: BranchEvaluation, labels: Readonly<Record<string, string>>): string {
  const lines = evaluation.explanation.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return evaluation.source;
  if (lines.length === 1) return readable(lines[0].trim(), labels);
  const head = lines[0].trim().replace(VERDICT, "");
  const parts = lines.filter((line) => /^  \S/.test(line)).map((line) => {
    const verdict = VERDICT.exec(line.trim())?.[1];
    return `${readable(line.trim(), labels)} (${verdict === "true" ? "yes" : "no"})`;
  });
  return head === "not" ? `not (${parts.join("")})` : parts.join(CONNECTIVE[head] ?? "; ");
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
  const failed = checks.filter((check) => !check.result).map((check) => `${check.text}: no`);
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
