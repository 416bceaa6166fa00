import type { TAssigneeCoverageInput } from "./schema";

// TanStack Query keys of the flow analysis (the editor's server-side checks).
export const analysisKeys = {
  all: ["flow-analysis"] as const,
  assigneeCoverage: (input: TAssigneeCoverageInput) => ["flow-analysis", "assignee-coverage", input] as const,
};
