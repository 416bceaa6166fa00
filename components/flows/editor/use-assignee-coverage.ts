"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useDebounced } from "@/components/tables/use-debounced";
import { checkAssigneeCoverageAction } from "@/lib/flows/analysis/actions";
import { analysisKeys } from "@/lib/flows/analysis/keys";
import type { TAssigneeCoverageInput } from "@/lib/flows/analysis/schema";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { problemPath, type LocatedProblem } from "@/lib/flows/editor/problems";

export type CoverageStatus = "checking" | "ready" | "failed";

/**
 * Assignee coverage of the draft's levels against the organisation now, from the server (the same
 * check publish runs), asked again a moment after the assignees stop changing.
 */
export function useAssigneeCoverage(definition: TFlowDefinition): { problems: LocatedProblem[]; status: CoverageStatus } {
  const input = useMemo<TAssigneeCoverageInput>(
    () => ({ levels: definition.levels.map(({ id, name, approvalMode, requiredApprovals, allowSelfApproval, assignees }) => ({ id, name, approvalMode, requiredApprovals, allowSelfApproval, assignees })) }),
    [definition.levels],
  );
  const key = JSON.stringify(input);
  // Debounced as text: the levels are a new object on every edit, their JSON only when they change.
  const debounced = useDebounced(key, 600);
  const asked = useMemo(() => JSON.parse(debounced) as TAssigneeCoverageInput, [debounced]);
  const query = useQuery({
    queryKey: analysisKeys.assigneeCoverage(asked),
    queryFn: async () => {
      const result = await checkAssigneeCoverageAction(asked);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const problems = useMemo(
    () =>
      (query.data ?? [])
        .filter((problem) => !problem.levelId || definition.levels.some((level) => level.id === problem.levelId))
        .map((problem) => ({ ...problem, path: problemPath(definition, problem) })),
    [query.data, definition],
  );
  return { problems, status: query.isError ? "failed" : query.isFetching || key !== debounced ? "checking" : "ready" };
}
