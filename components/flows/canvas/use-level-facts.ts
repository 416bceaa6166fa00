"use client";

import { useCallback, useMemo } from "react";
import type { TFlowDefinition } from "@/lib/flows/definition";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import type { LocatedProblem } from "@/lib/flows/editor/problems";
import { ZFlowDraft } from "@/lib/flows/editor/schema";
import { MODE_LABELS } from "@/components/flows/editor/level-settings";
import { assigneeLabel } from "@/components/flows/editor/assignees-editor";
import type { CanvasHighlight, NodeFacts } from "./canvas-elements";

// What the canvas shows about each level (assignees in words, forms, decision mode, due time),
// problem counts per level and branch, and the draft schema's field errors for the side panels.

export function useLevelFacts(definition: TFlowDefinition, problems: LocatedProblem[], options: EditorOptions, highlight: CanvasHighlight | null | undefined): NodeFacts {
  const summaries = useMemo(() => {
    const forms = new Map(options.forms.map((form) => [form.taskVersionId, form.name]));
    return new Map(
      definition.levels.map((level) => [
        level.id,
        {
          assignees: level.assignees.map((assignee) => assigneeLabel(assignee, options)).join(", ") || "no assignee",
          forms: level.taskVersionIds.map((id) => forms.get(id) ?? "(unpublished form)").join(", "),
          mode: level.approvalMode === "AT_LEAST" ? `At least ${level.requiredApprovals} approve` : MODE_LABELS[level.approvalMode],
          due: level.dueInHours ? `due in ${level.dueInHours} h` : null,
        },
      ]),
    );
  }, [definition.levels, options]);
  const counts = useMemo(() => {
    const byLevel = new Map<string, number>();
    const branches = new Set<string>();
    for (const problem of problems) {
      if (problem.branchId) branches.add(problem.branchId);
      else if (problem.levelId) byLevel.set(problem.levelId, (byLevel.get(problem.levelId) ?? 0) + 1);
    }
    return { byLevel, branches };
  }, [problems]);
  return useMemo(
    () => ({
      summary: (levelId: string) => summaries.get(levelId) ?? { assignees: "", forms: "", mode: "", due: null },
      problems: counts.byLevel,
      problemBranches: counts.branches,
      highlight,
    }),
    [summaries, counts, highlight],
  );
}

/** The draft schema's message at a react-hook-form style path ("levels.0.name"), as the list editor shows them. */
export function useDraftErrors(definition: TFlowDefinition) {
  const errors = useMemo(() => {
    const parsed = ZFlowDraft.safeParse(definition);
    const byPath: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) byPath[issue.path.join(".")] ??= issue.message;
    return byPath;
  }, [definition]);
  return useCallback((path: string): string | undefined => errors[path], [errors]);
}
