// The publish problems of a draft, each pointed at the part of the definition it concerns
// ("levels[1].assignees", "branches[2].condition"), so an editor can focus the offending control and
// the API can say where. One function for the live problems panel and for publish, so they agree.
import { checkFlow, type CheckFlowOptions, type FlowProblem, type FlowProblemCode, type TFlowDefinition } from "@/lib/flows/definition";

export type LocatedProblem = FlowProblem & {
  /** Where in the definition: `levels[i]`, `levels[i].<field>`, `branches[j].<field>`, or "" for the flow. */
  path: string;
};

// The level setting each level-wide problem is about; absent = the level as a whole.
const LEVEL_FIELD: Partial<Record<FlowProblemCode, string>> = {
  NO_ASSIGNEE: "assignees",
  NO_ALLOWED_ACTIONS: "allowedActions",
  DUE_TIME_MISSING: "dueInHours",
  DUPLICATE_ACTION: "allowedActions",
  DUPLICATE_ORDER: "order",
};

const BRANCH_FIELD: Partial<Record<FlowProblemCode, string>> = {
  CONDITION_INVALID: "condition",
  FIELD_NOT_AVAILABLE: "condition",
  CONDITION_MISSING: "condition",
  DEFAULT_WITH_CONDITION: "condition",
  DUPLICATE_PRIORITY: "priority",
  MULTIPLE_DEFAULTS: "isDefault",
  TARGET_MISMATCH: "toLevelId",
  UNKNOWN_LEVEL: "toLevelId",
};

/** The path of one problem inside `definition`. */
export function problemPath(definition: TFlowDefinition, problem: FlowProblem): string {
  if (problem.branchId) {
    const index = definition.branches.findIndex((branch) => branch.id === problem.branchId);
    if (index >= 0) {
      const field = BRANCH_FIELD[problem.code];
      return field ? `branches[${index}].${field}` : `branches[${index}]`;
    }
  }
  if (problem.levelId) {
    const index = definition.levels.findIndex((level) => level.id === problem.levelId);
    if (index >= 0) {
      const field = LEVEL_FIELD[problem.code];
      return field ? `levels[${index}].${field}` : `levels[${index}]`;
    }
  }
  return "";
}

/**
 * The publish check of a draft with every problem located: an empty list means it may be published.
 * Runs in the browser (as you edit) and on the server (at publish) with the same inputs.
 */
export function checkDraft(definition: TFlowDefinition, options: CheckFlowOptions = {}): LocatedProblem[] {
  // Branches need no name; the messages then call them by their number ("#2"), as the editor does.
  const named = { ...definition, branches: definition.branches.map((branch, index) => (branch.name.trim() ? branch : { ...branch, name: `#${index + 1}` })) };
  return checkFlow(named, options).map((problem) => ({ ...problem, path: problemPath(definition, problem) }));
}
