"use client";

import { Card } from "@/components/ui/card";
import type { TProblem } from "@/lib/forms/builder/problems";

// The problems list of the builder: what stops the draft from saving (the same checks the server
// runs) and what must be fixed before publishing; each names its field and selects it on click.

type Props = { problems: readonly TProblem[]; publishProblems: readonly TProblem[]; labelOf: (key: string | null) => string; onSelect: (key: string) => void };

export function ProblemsPanel({ problems, publishProblems, labelOf, onSelect }: Props) {
  if (problems.length === 0 && publishProblems.length === 0) return null;
  const rows = [...problems.map((problem) => ({ problem, blocking: true })), ...publishProblems.map((problem) => ({ problem, blocking: false }))];
  return (
    <Card className="p-3">
      <details open={problems.length > 0}>
        <summary className="cursor-pointer text-sm font-semibold text-slate-700">
          Problems: {problems.length} in the draft{publishProblems.length > 0 ? `, ${publishProblems.length} to fix before publishing` : ""}
        </summary>
        <ul className="mt-2 space-y-1 text-sm" aria-label="Problems">
          {rows.map(({ problem, blocking }, index) => (
            <li key={index} className="flex flex-wrap items-baseline gap-2">
              <span className={`rounded px-1.5 text-xs ${blocking ? "bg-red-50 text-red-700" : "bg-amber-50 text-amber-800"}`}>{blocking ? "Draft" : "Publish"}</span>
              {problem.fieldKey ? (
                <button type="button" className="font-medium text-brand hover:underline" onClick={() => onSelect(problem.fieldKey!)}>
                  {labelOf(problem.fieldKey)}
                </button>
              ) : null}
              <span className="text-slate-700">{problem.message}</span>
            </li>
          ))}
        </ul>
      </details>
    </Card>
  );
}
