// The flow-wide static proof beyond structure: coverage of each level's branch conditions (gaps,
// overlaps, dead branches), routes re-checked without the branches that can never be taken (loops
// whose only exit is dead, levels only dead branches reach), and reads of fields that may be hidden.
import { fieldsUsed } from "@/lib/expressions/analysis";
import { parseExpression } from "@/lib/expressions/api";
import { inWords } from "@/lib/expressions/in-words";
import type { TypeEnv } from "@/lib/expressions/types";
import { availableFields, INITIATOR_ENV, type CheckFlowOptions, type FlowProblemCode, type TFlowDefinition } from "@/lib/flows/definition";
import { analyseRoutes, branchesFrom, levelsByOrder, nextLevelByOrder } from "@/lib/flows/engine/graph";
import { analyseLevelCoverage, type CoverageFinding } from "./coverage";
import type { FieldDomain, FieldFacts } from "./samples";

export type AnalysisCode =
  | "BRANCH_GAP"
  | "BRANCH_OVERLAP"
  | "DEAD_BRANCH"
  | "COVERAGE_NOT_ANALYSED"
  | "FIELD_MAYBE_HIDDEN"
  | "ASSIGNEE_NONE"
  | "ASSIGNEE_EMPTY"
  | "ASSIGNEE_NO_MANAGER"
  | "ASSIGNEE_ONLY_INITIATOR"
  | "ASSIGNEE_TOO_FEW";
export type Severity = "error" | "warning" | "info";

export type AnalysisProblem = {
  code: AnalysisCode | FlowProblemCode;
  severity: Severity;
  message: string;
  levelId?: string;
  branchId?: string;
  /** The concrete case that shows the problem, in words ("Amount = 1,000"; "via A → B"). */
  counterExample?: string;
};

export type BranchAnalysisOptions = CheckFlowOptions & {
  /** What the forms say about each field (by key): can it be missing, its bounds, its label. */
  fieldFacts?: Readonly<Record<string, FieldFacts>>;
};

// The initiator's attributes: a person may have no department; their id is always there.
const INITIATOR_FACTS: Record<string, FieldFacts> = { "initiator.departmentId": { label: "Initiator's department", canBeEmpty: true }, "initiator.id": { label: "Initiator" } };

const SEVERITY: Record<CoverageFinding["kind"], Severity> = { GAP: "error", OVERLAP: "warning", DEAD_BRANCH: "warning", NOT_ANALYSED: "info" };
const CODE: Record<CoverageFinding["kind"], AnalysisCode> = { GAP: "BRANCH_GAP", OVERLAP: "BRANCH_OVERLAP", DEAD_BRANCH: "DEAD_BRANCH", NOT_ANALYSED: "COVERAGE_NOT_ANALYSED" };

const ownFields = (options: CheckFlowOptions, levelId: string): TypeEnv => {
  const { fieldsAt } = options;
  return (typeof fieldsAt === "function" ? fieldsAt(levelId) : fieldsAt?.[levelId]) ?? {};
};

function domainsAt(env: TypeEnv, facts: Readonly<Record<string, FieldFacts>>): Record<string, FieldDomain> {
  return Object.fromEntries(Object.entries(env).map(([path, type]) => [path, { ...(facts[path] ?? INITIATOR_FACTS[path]), type }]));
}

/** Every coverage, route and read finding of a structurally valid definition (checkFlow's other problems aside). */
export function analyseBranches(definition: TFlowDefinition, options: BranchAnalysisOptions = {}): AnalysisProblem[] {
  const problems: AnalysisProblem[] = [];
  const facts = options.fieldFacts ?? {};
  const available = availableFields(definition, options.fieldsAt);
  const initiatorEnv = { ...INITIATOR_ENV, ...options.initiatorEnv };
  const dead = new Set<string>();
  const exhaustive = new Set<string>();

  for (const level of levelsByOrder(definition)) {
    const branches = branchesFrom(definition, level.id);
    const next = nextLevelByOrder(definition, level.id);
    const env: TypeEnv = { ...options.baseEnv, ...available.get(level.id), ...initiatorEnv };
    const findings = analyseLevelCoverage({
      levelName: level.name,
      branches,
      fields: domainsAt(env, facts),
      fallThrough: next ? `move on to "${next.name}" (the next level by order)` : "complete (it is the last level)",
    });
    const analysed = findings.every((finding) => finding.kind !== "NOT_ANALYSED");
    if (analysed && branches.some((branch) => !branch.isDefault) && !findings.some((finding) => finding.kind === "GAP")) exhaustive.add(level.id);
    for (const finding of findings) {
      if (finding.kind === "DEAD_BRANCH") dead.add(finding.branchIds[0]);
      const branchId = finding.kind === "OVERLAP" ? finding.branchIds[1] : finding.kind === "GAP" ? undefined : finding.branchIds[0];
      problems.push({
        code: CODE[finding.kind],
        severity: SEVERITY[finding.kind],
        message: finding.message,
        levelId: level.id,
        ...(branchId ? { branchId } : {}),
        ...("exampleText" in finding && finding.exampleText ? { counterExample: finding.exampleText } : {}),
      });
    }
  }
  problems.push(...deadRouteProblems(definition, dead, exhaustive));
  problems.push(...hiddenReads(definition, available, facts));
  return problems;
}

// Routes again, as they really are: without dead branches, and without the fall-through of levels
// whose conditions cover every case. Reports only what the plain route check did not already report.
function deadRouteProblems(definition: TFlowDefinition, dead: ReadonlySet<string>, exhaustive: ReadonlySet<string>): AnalysisProblem[] {
  if (dead.size === 0 && exhaustive.size === 0) return [];
  const live = definition.branches.filter((branch) => !dead.has(branch.id));
  // The lowest-priority live branch of an exhaustive level stands in for a default: no fall-through.
  const refined: TFlowDefinition = {
    ...definition,
    branches: live.map((branch) => {
      if (!exhaustive.has(branch.fromLevelId) || live.some((other) => other.fromLevelId === branch.fromLevelId && (other.isDefault || other.priority > branch.priority))) return branch;
      return { ...branch, isDefault: true, condition: null };
    }),
  };
  const before = analyseRoutes(definition);
  const after = analyseRoutes(refined);
  const nameOf = new Map(definition.levels.map((level) => [level.id, level.name]));
  const deadNames = (levelIds: readonly string[]) => {
    const names = definition.branches.filter((branch) => dead.has(branch.id) && levelIds.includes(branch.fromLevelId)).map((branch) => `"${branch.name}"`);
    return names.length > 0 ? ` (${names.join(", ")} can never be taken)` : "";
  };
  const problems: AnalysisProblem[] = [];
  for (const level of levelsByOrder(definition)) {
    if (before.reachable.has(level.id) && !after.reachable.has(level.id)) {
      const into = definition.branches.filter((branch) => branch.toLevelId === level.id && dead.has(branch.id)).map((branch) => `"${branch.name}"`);
      problems.push({ code: "UNREACHABLE_LEVEL", severity: "error", message: `Level "${level.name}" is never reached: the branches into it${into.length ? ` (${into.join(", ")})` : ""} can never be taken.`, levelId: level.id });
    }
  }
  const trapped = new Set(before.closedLoops.flat());
  for (const loop of after.closedLoops) {
    if (loop.every((id) => trapped.has(id)) || !loop.some((id) => after.reachable.has(id))) continue;
    const names = loop.map((id) => `"${nameOf.get(id)}"`).join(", ");
    problems.push({ code: "LOOP_WITHOUT_EXIT", severity: "error", message: `Levels ${names} form a loop whose exits can never be taken${deadNames(loop)}: a request that gets there never ends.`, levelId: loop[0] });
  }
  return problems;
}

// A guard makes the empty case explicit: is_empty / is_not_empty / coalesce of the field, or == / != null.
function guards(source: string, path: string): boolean {
  const parsed = parseExpression(source);
  if (!parsed.ok) return true;
  const stack = [parsed.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === "call" && ["is_empty", "is_not_empty", "coalesce"].includes(node.name) && node.args[0]?.kind === "field" && node.args[0].path.join(".") === path) return true;
    if (node.kind === "binary" && (node.op === "==" || node.op === "!=")) {
      const [a, b] = [node.left, node.right];
      const isField = (n: typeof a) => n.kind === "field" && n.path.join(".") === path;
      const isNull = (n: typeof a) => n.kind === "literal" && n.value === null;
      if ((isField(a) && isNull(b)) || (isField(b) && isNull(a))) return true;
    }
    if (node.kind === "not") stack.push(node.operand);
    else if (node.kind === "logical") stack.push(...node.operands);
    else if (node.kind === "binary") stack.push(node.left, node.right);
    else if (node.kind === "call") stack.push(...node.args);
  }
  return false;
}

function hiddenReads(definition: TFlowDefinition, available: Map<string, TypeEnv>, facts: Readonly<Record<string, FieldFacts>>): AnalysisProblem[] {
  const problems: AnalysisProblem[] = [];
  for (const branch of definition.branches) {
    if (branch.condition === null) continue;
    const parsed = parseExpression(branch.condition);
    if (!parsed.ok) continue;
    for (const path of fieldsUsed(parsed.ast)) {
      const hiddenWhen = facts[path]?.hiddenWhen;
      if (!hiddenWhen || !Object.hasOwn(available.get(branch.fromLevelId) ?? {}, path) || guards(branch.condition, path)) continue;
      const label = facts[path]?.label ?? path;
      const show = parseExpression(hiddenWhen);
      const shownWhen = show.ok ? inWords(show.ast, { label: (key) => facts[key]?.label }) : hiddenWhen;
      problems.push({
        code: "FIELD_MAYBE_HIDDEN",
        severity: "warning",
        message: `Branch "${branch.name}" reads ${label}, which the form shows only when ${shownWhen}; when it is hidden it is empty and the condition is false. Handle the empty case (e.g. is_empty(${path}) or …).`,
        levelId: branch.fromLevelId,
        branchId: branch.id,
        counterExample: `${label} is hidden and empty unless ${shownWhen}`,
      });
    }
  }
  return problems;
}

/**
 * A route from the start to `levelId` on which no level fills `field`, in words ("via A → B"), or
 * null when every route fills it — the counter-example of a field "not filled on every path".
 */
export function routeWithoutField(definition: TFlowDefinition, options: CheckFlowOptions, levelId: string, field: string): string | null {
  const { start, successors } = analyseRoutes(definition);
  if (!start) return null;
  const fills = (id: string) => Object.hasOwn(ownFields(options, id), field);
  if (fills(start.id)) return null;
  const previous = new Map<string, string | null>([[start.id, null]]);
  const queue = [start.id];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === levelId) break;
    for (const next of successors.get(id) ?? []) {
      if (previous.has(next) || (fills(next) && next !== levelId)) continue;
      previous.set(next, id);
      queue.push(next);
    }
  }
  if (!previous.has(levelId)) return null;
  const names: string[] = [];
  for (let at: string | null = levelId; at !== null; at = previous.get(at) ?? null) names.unshift(definition.levels.find((level) => level.id === at)!.name);
  return `via ${names.join(" → ")} the field "${field}" is never filled`;
}
