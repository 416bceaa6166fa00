// TanStack Query keys of the trigger editor's server data.
export const triggerKeys = {
  all: ["triggers"] as const,
  fields: (scope: { eventType: string; taskId: string | null; flowId: string | null; tableId: string | null }) => ["triggers", "fields", scope.eventType, scope.taskId, scope.flowId, scope.tableId] as const,
  recentEvents: (type: string) => ["triggers", "recent-events", type] as const,
};
