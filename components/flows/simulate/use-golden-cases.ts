"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/action";
import { goldenCaseKeys } from "@/lib/flows/golden-case-keys";
import { createGoldenCaseAction, deleteGoldenCaseAction, updateGoldenCaseAction } from "@/lib/flows/golden-case-actions";
import type { GoldenCaseDto, TCreateGoldenCase } from "@/lib/flows/simulate/schema";
import { fetchJson } from "@/lib/http/fetch-json";

// The golden cases of a flow in the query cache: read through the REST API, changed through the
// server actions, refetched after every change.

export function useGoldenCases(flowId: string) {
  return useQuery({
    queryKey: goldenCaseKeys.flow(flowId),
    queryFn: async ({ signal }) => (await fetchJson<{ data: GoldenCaseDto[] }>(`/api/v1/flows/${flowId}/golden-cases`, { signal })).data,
  });
}

/** A failed action becomes an Error whose message is the action's (field errors first). */
async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const settled = await result;
  if (settled.ok) return settled.data;
  const first = Object.values(settled.fieldErrors ?? {})[0]?.[0];
  throw new Error(first ?? settled.error);
}

type Change =
  | { kind: "create"; input: Omit<TCreateGoldenCase, "flowId"> }
  | { kind: "accept"; caseId: string; expected: GoldenCaseDto["expected"] }
  | { kind: "delete"; caseId: string };

export function useChangeGoldenCase(flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change): Promise<unknown> => {
      switch (change.kind) {
        case "create":
          return unwrap(createGoldenCaseAction({ flowId, ...change.input }));
        case "accept":
          return unwrap(updateGoldenCaseAction({ flowId, caseId: change.caseId, expected: change.expected }));
        case "delete":
          return unwrap(deleteGoldenCaseAction({ flowId, caseId: change.caseId }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: goldenCaseKeys.flow(flowId) }),
  });
}
