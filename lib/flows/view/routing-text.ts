// "Why is this here?": a routing decision of the engine (which branch conditions were evaluated with
// which values, and where that led) as sentences people read, e.g.
//   Leaving "Manager Review": Finance review (≥ 1,000): amount 12,000 ≥ 1,000 → yes. → "Finance Approval".
// Pure.
import type { RoutingDecision } from "@/lib/flows/engine/types";

export type RoutingText = { from: string; checks: string[]; outcome: string };

const OPERATORS: [RegExp, string][] = [
  [/ >= /g, " ≥ "],
  [/ <= /g, " ≤ "],
  [/ != /g, " ≠ "],
  [/ == /g, " = "],
];

/** An explanation line with grouped numbers ("12000" → "12,000"), math signs and yes/no results. */
export function readableCondition(line: string): string {
  let text = line.replace(/\((-?\d+(?:\.\d+)?)\)/g, "$1"); // "amount (12000)" → "amount 12000"
  // Numbers of 4+ digits that are not part of a date, time, id or word.
  text = text.replace(/(?<![\w\-:.])(\d{4,})(?=(?:\.\d+)?(?![\w\-:]))/g, (digits) => Number(digits).toLocaleString("en-US"));
  for (const [pattern, sign] of OPERATORS) text = text.replace(pattern, sign);
  return text.replace(/→ true$/, "→ yes").replace(/→ false$/, "→ no");
}

const targetName = (decision: RoutingDecision, levelName: (id: string) => string) =>
  decision.target.kind === "LEVEL" ? `“${levelName(decision.target.levelId)}”` : decision.target.kind === "COMPLETE" ? "completed" : "rejected";

/** One routing decision in words: the level left, each condition checked, and the way taken. */
export function routingText(decision: RoutingDecision, levelName: (id: string) => string): RoutingText {
  const checks = decision.evaluated.map((evaluation) => {
    const lines = evaluation.explanation.split("\n").map((line) => line.trim()).filter(Boolean);
    // A compound condition explains itself over several lines; its first line is the verdict.
    const shown = lines.length > 1 ? `${evaluation.source} → ${evaluation.result}` : (lines[0] ?? `${evaluation.source} → ${evaluation.result}`);
    return `${evaluation.name ? `${evaluation.name}: ` : ""}${readableCondition(shown)}`;
  });
  const target = targetName(decision, levelName);
  const why =
    decision.chosenBy === "condition"
      ? "its condition holds"
      : decision.chosenBy === "default"
        ? checks.length > 0
          ? "no condition held, so the default branch"
          : "the default branch"
        : decision.chosenBy === "next_level"
          ? "no branch applies, so the next level"
          : "no branch applies after the last level";
  return { from: levelName(decision.fromLevelId), checks, outcome: `→ ${target} (${why})` };
}
