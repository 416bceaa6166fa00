// TanStack Query keys of a flow's golden cases (beside the inbox's, in a file of their own).
export const goldenCaseKeys = {
  all: ["golden-cases"] as const,
  flow: (flowId: string) => ["golden-cases", flowId] as const,
};
