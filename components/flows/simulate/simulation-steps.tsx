"use client";

import type { SimStep, SimulationRun } from "@/lib/flows/simulate/types";

// The path a simulated request took, as a list: each level with what was decided there and, when it
// was left, which branch and why ("Amount 12,000 ≥ 1,000 → Finance Approval").

const OUTCOME_WORDS: Record<string, string> = { approve: "approved", reject: "rejected", request_changes: "changes requested" };

function outcomeText(step: SimStep, submitted: boolean): string {
  if (step.outcome.startsWith("send_back:")) return `sent back to ${step.sendBackToName ?? "an earlier level"}`;
  const word = submitted && step.outcome === "approve" ? "submitted" : OUTCOME_WORDS[step.outcome];
  return step.approvals > 1 ? `${word} by ${step.approvals} people` : word;
}

export function SimulationSteps({ run, currentLevelName, formLevelIds }: { run: SimulationRun; currentLevelName: string | null; formLevelIds: ReadonlySet<string> }) {
  const ending =
    run.status === "COMPLETED" ? "Completed" : run.status === "REJECTED" ? "Rejected" : run.status === "STUCK" ? `Stuck: ${run.stuckReason}` : `Waiting at ${currentLevelName ?? "a level"}`;
  return (
    <div className="space-y-2">
      <ol className="space-y-2" aria-label="Path taken">
        {run.steps.map((step, index) => (
          <li key={index} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
            <p>
              <span className="font-medium text-slate-900">{step.levelName}</span> <span className="text-slate-600">— {outcomeText(step, formLevelIds.has(step.levelId))}</span>
            </p>
            {step.decision ? (
              <>
                <p className="mt-1 text-slate-800">{step.decision.explanation}</p>
                {step.decision.checks.length > 1 ? (
                  <ul className="mt-1 list-disc pl-5 text-xs text-slate-600" aria-label={`Conditions checked leaving ${step.levelName}`}>
                    {step.decision.checks.map((check) => (
                      <li key={check.branchId}>
                        {check.branchName ? `${check.branchName}: ` : ""}
                        {check.text} → {check.result ? "yes" : "no"}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className={run.status === "STUCK" || run.status === "REJECTED" ? "text-sm font-medium text-red-700" : run.status === "COMPLETED" ? "text-sm font-medium text-green-800" : "text-sm text-slate-700"}>
        {ending}
      </p>
    </div>
  );
}
