"use client";

import type { TFlowDefinition } from "@/lib/flows/definition";
import type { LocatedProblem } from "@/lib/flows/editor/problems";

// The publish check, live: the same checkDraft publish runs, over the draft as it is now. Each
// problem is a button that takes you to the level or branch it is about.

function subject(definition: TFlowDefinition, problem: LocatedProblem): string | null {
  const branch = /^branches\[(\d+)\]/.exec(problem.path);
  if (branch) return `Branch ${Number(branch[1]) + 1}`;
  const level = /^levels\[(\d+)\]/.exec(problem.path);
  if (level) return `Level ${Number(level[1]) + 1} · ${definition.levels[Number(level[1])]?.name ?? ""}`;
  return null;
}

export function ProblemsPanel({ definition, problems, onSelect }: { definition: TFlowDefinition; problems: LocatedProblem[]; onSelect: (problem: LocatedProblem) => void }) {
  return (
    <section aria-labelledby="problems-heading" className="space-y-2">
      <h2 id="problems-heading" className="text-sm font-semibold text-slate-700">
        Problems <span className="sr-only">before publishing</span>
      </h2>
      <p role="status" aria-live="polite" className={problems.length === 0 ? "text-sm text-green-800" : "text-sm text-red-700"}>
        {problems.length === 0 ? "No problems: ready to publish." : `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix before publishing.`}
      </p>
      {problems.length > 0 ? (
        <ul className="space-y-1.5" aria-label="Problems">
          {problems.map((problem, index) => {
            const where = subject(definition, problem);
            return (
              <li key={`${problem.code}-${problem.path}-${index}`}>
                <button
                  type="button"
                  onClick={() => onSelect(problem)}
                  className="w-full rounded-md border border-red-100 bg-red-50 px-3 py-2 text-left text-sm text-red-900 hover:border-red-300 focus:outline-none focus:ring-2 focus:ring-red-400"
                >
                  {where ? <span className="block text-xs font-medium uppercase tracking-wide text-red-700">{where}</span> : null}
                  {problem.message}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
