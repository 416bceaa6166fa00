// The publish problems of a draft, each pointed at the part of the definition it concerns
// ("levels[1].assignees", "branches[2].condition"), so an editor can focus the offending control and
// the API can say where. One function for the live problems panel and for publish, so they agree:
// errors block publishing, warnings are shown and do not, infos say what could not be checked.
import { assigneeCoverage, type OrgSnapshot } from "@/lib/flows/analysis/assignee-coverage";
import { analyseBranches, routeWithoutField, type AnalysisCode, type BranchAnalysisOptions, type Severity } from "@/lib/flows/analysis/branch-analysis";
import { checkFlow, ZFlowDefinition, type FlowProblem, type FlowProblemCode, type TFlowDefinition } from "@/lib/flows/definition";

export type ProblemCode = FlowProblemCode | AnalysisCode;
export type { Severity };

export type LocatedProblem = Omit<FlowProblem, "code"> & {
  code: ProblemCode;
  /** error: blocks publishing; warning: shown, does not block; info: a check that could not be made. */
  severity: Severity;
  /** The concrete case that shows the problem, in words ("Amount = 1,000"; "via A → B …"). */
  counterExample?: string;
  /** Where in the definition: `levels[i]`, `levels[i].<field>`, `branches[j].<field>`, or "" for the flow. */
  path: string;
};

export type CheckDraftOptions = BranchAnalysisOptions & {
  /** The organisation now: with it, assignee coverage is checked too (publish always passes it). */
  org?: OrgSnapshot;
};

// The level setting each level-wide problem is about; absent = the level as a whole.
const LEVEL_FIELD: Partial<Record<ProblemCode, string>> = {
  NO_ASSIGNEE: "assignees",
  NO_ALLOWED_ACTIONS: "allowedActions",
  DUE_TIME_MISSING: "dueInHours",
  DUPLICATE_ACTION: "allowedActions",
  DUPLICATE_ORDER: "order",
  ASSIGNEE_NONE: "assignees",
  ASSIGNEE_EMPTY: "assignees",
  ASSIGNEE_NO_MANAGER: "assignees",
  ASSIGNEE_ONLY_INITIATOR: "assignees",
  ASSIGNEE_TOO_FEW: "assignees",
};

const BRANCH_FIELD: Partial<Record<ProblemCode, string>> = {
  CONDITION_INVALID: "condition",
  FIELD_NOT_AVAILABLE: "condition",
  CONDITION_MISSING: "condition",
  DEFAULT_WITH_CONDITION: "condition",
  DUPLICATE_PRIORITY: "priority",
  MULTIPLE_DEFAULTS: "isDefault",
  TARGET_MISMATCH: "toLevelId",
  UNKNOWN_LEVEL: "toLevelId",
  BRANCH_OVERLAP: "condition",
  DEAD_BRANCH: "condition",
  FIELD_MAYBE_HIDDEN: "condition",
  COVERAGE_NOT_ANALYSED: "condition",
};

/** The path of one problem inside `definition`. */
export function problemPath(definition: TFlowDefinition, problem: { code: ProblemCode; levelId?: string; branchId?: string; message?: string }): string {
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

/** Whether a problem stops the draft from being published. */
export const blocksPublish = (problem: Pick<LocatedProblem, "severity">) => problem.severity === "error";

/**
 * The publish check of a draft with every problem located: publishing is allowed when none is an
 * error. Runs in the browser (as you edit) and on the server (at publish) with the same inputs.
 */
export function checkDraft(definition: TFlowDefinition, options: CheckDraftOptions = {}): LocatedProblem[] {
  // Branches need no name; the messages then call them by their number ("#2"), as the editor does.
  const named = { ...definition, branches: definition.branches.map((branch, index) => (branch.name.trim() ? branch : { ...branch, name: `#${index + 1}` })) };
  const base: LocatedProblem[] = checkFlow(named, options).map((problem) => {
    const route = problem.code === "FIELD_NOT_AVAILABLE" && problem.levelId && problem.field ? routeWithoutField(named, options, problem.levelId, problem.field) : null;
    return { ...problem, severity: "error", ...(route ? { counterExample: route } : {}), path: problemPath(definition, problem) };
  });
  const parsed = ZFlowDefinition.safeParse(named);
  if (!parsed.success || named.levels.length === 0) return base;
  // A branch already reported as broken is not analysed again ("could not analyse" would only repeat it).
  const broken = new Set(base.flatMap((problem) => (problem.branchId ? [problem.branchId] : [])));
  const analysis = [...analyseBranches(parsed.data, options), ...(options.org ? assigneeCoverage(parsed.data, options.org) : [])]
    .filter((problem) => !(problem.code === "COVERAGE_NOT_ANALYSED" && problem.branchId && broken.has(problem.branchId)))
    .map((problem) => ({ ...problem, path: problemPath(definition, problem) }));
  return [...base, ...analysis];
}

/** What a problem's path points at: a level or a branch of `definition`, and the setting (if any). */
export type ProblemTarget = { kind: "level" | "branch"; id: string; field: string | null };

/** The level or branch a located problem is about, for editors that select and focus it. */
export function problemTarget(definition: TFlowDefinition, path: string): ProblemTarget | null {
  const match = /^(levels|branches)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return null;
  const item = match[1] === "levels" ? definition.levels[Number(match[2])] : definition.branches[Number(match[2])];
  return item ? { kind: match[1] === "levels" ? "level" : "branch", id: item.id, field: match[3] ?? null } : null;
}
