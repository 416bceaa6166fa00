"use client";

import type { TFlowDefinition } from "@/lib/flows/definition";
import type { LocatedProblem, Severity } from "@/lib/flows/editor/problems";

// The publish check, live: the same checkDraft publish runs, over the draft as it is now, grouped by
// severity (errors block publishing, warnings do not, notes say what could not be checked). Each
// problem is a button that takes you to the level or branch it is about, with its counter-example.

function subject(definition: TFlowDefinition, problem: LocatedProblem): string | null {
  const branch = /^branches\[(\d+)\]/.exec(problem.path);
  if (branch) return `Branch ${Number(branch[1]) + 1}`;
  const level = /^levels\[(\d+)\]/.exec(problem.path);
  if (level) return `Level ${Number(level[1]) + 1} · ${definition.levels[Number(level[1])]?.name ?? ""}`;
  return null;
}

const GROUPS: { severity: Severity; title: string; tone: string; label: string }[] = [
  { severity: "error", title: "Errors — must be fixed before publishing", label: "Errors", tone: "border-red-100 bg-red-50 text-red-900 hover:border-red-300 focus:ring-red-400" },
  { severity: "warning", title: "Warnings — publishing is still possible", label: "Warnings", tone: "border-amber-200 bg-amber-50 text-amber-950 hover:border-amber-400 focus:ring-amber-400" },
  { severity: "info", title: "Not checked", label: "Notes", tone: "border-slate-200 bg-slate-50 text-slate-800 hover:border-slate-400 focus:ring-slate-400" },
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summary(errors: number, warnings: number): string {
  if (errors > 0) return `${count(errors, "problem", "problems")} to fix before publishing${warnings > 0 ? `, ${count(warnings, "warning", "warnings")}` : ""}.`;
  return warnings > 0 ? `No blocking problems: ready to publish (${count(warnings, "warning", "warnings")} to review).` : "No problems: ready to publish.";
}

type Props = {
  definition: TFlowDefinition;
  problems: LocatedProblem[];
  onSelect: (problem: LocatedProblem) => void;
  /** A line under the summary, e.g. that the assignee check against the organisation is running. */
  note?: string;
};

export function ProblemsPanel({ definition, problems, onSelect, note }: Props) {
  // Problems from before severities existed count as errors (they always blocked publishing).
  const severityOf = (problem: LocatedProblem): Severity => problem.severity ?? "error";
  const errors = problems.filter((problem) => severityOf(problem) === "error").length;
  const warnings = problems.filter((problem) => severityOf(problem) === "warning").length;
  return (
    <section aria-labelledby="problems-heading" className="space-y-2">
      <h2 id="problems-heading" className="text-sm font-semibold text-slate-700">
        Problems <span className="sr-only">before publishing</span>
      </h2>
      <p role="status" aria-live="polite" className={errors === 0 ? "text-sm text-green-800" : "text-sm text-red-700"}>
        {summary(errors, warnings)}
      </p>
      {note ? <p className="text-xs text-slate-500">{note}</p> : null}
      {problems.length > 0 ? (
        // One list of groups, so "the Problems list" still holds every problem whatever its severity.
        <ul className="space-y-3" aria-label="Problems">
          {GROUPS.map((group) => {
            const items = problems.filter((problem) => severityOf(problem) === group.severity);
            if (items.length === 0) return null;
            const headingId = `problems-${group.severity}`;
            return (
              <li key={group.severity} className="space-y-1.5">
                <h3 id={headingId} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {group.title}
                </h3>
                <ul className="space-y-1.5" aria-labelledby={headingId}>
                  {items.map((problem, index) => {
                    const where = subject(definition, problem);
                    return (
                      <li key={`${problem.code}-${problem.path}-${index}`}>
                        <button
                          type="button"
                          onClick={() => onSelect(problem)}
                          className={`w-full rounded-md border px-3 py-2 text-left text-sm focus:outline-none focus:ring-2 ${group.tone}`}
                        >
                          <span className="sr-only">{group.label.replace(/s$/, "")}: </span>
                          {where ? <span className="block text-xs font-medium uppercase tracking-wide opacity-80">{where}</span> : null}
                          {problem.message}
                          {problem.counterExample ? (
                            <span className="mt-1 block rounded bg-white/70 px-2 py-1 font-mono text-xs" data-testid="counter-example">
                              <span className="font-sans font-semibold">Example: </span>
                              {problem.counterExample}
                            </span>
                          ) : null}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
