"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TypeEnv } from "@/lib/expressions/types";
import type { TEventType } from "@/lib/triggers/definition";
import { triggerKeys } from "@/lib/triggers/keys";
import { triggerFieldsAction } from "@/lib/triggers/server-actions";

type Scope = { eventType: TEventType; taskId: string | null; flowId: string | null; tableId: string | null };

/** The fields a condition may read for an event type and scope (server-computed: it needs the forms). */
export function useTriggerFields(scope: Scope, initial?: { scope: Scope; env: TypeEnv }) {
  const isInitial = initial && initial.scope.eventType === scope.eventType && initial.scope.taskId === scope.taskId && initial.scope.flowId === scope.flowId && initial.scope.tableId === scope.tableId;
  return useQuery({
    queryKey: triggerKeys.fields(scope),
    queryFn: async () => {
      const result = await triggerFieldsAction(scope);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: isInitial ? initial.env : undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
