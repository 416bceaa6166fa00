// Gaps, overlaps and dead branches among the conditions leaving one level, proved by trying every
// combination of sample values (samples.ts) with the real evaluator. Exact for conditions that only
// compare fields with constants under and/or/not; anything else (functions, arithmetic, text matching,
// field-to-field comparisons) is left alone with a "could not analyse" note, never a guessed finding.
import { compileCondition, parseExpression, type CompiledCondition } from "@/lib/expressions/api";
import { scan, type Constant, type Scan } from "./condition-constants";
import { sampleInWords, samplesFor, type FieldDomain, type SampleValue } from "./samples";

export type CoverageBranch = {
  id: string;
  name: string;
  priority: number;
  isDefault: boolean;
  condition: string | null;
  target: string;
  toLevelId: string | null;
};

export type LevelCoverageInput = {
  levelName: string;
  /** The branches leaving the level (any order). */
  branches: readonly CoverageBranch[];
  /** The fields a condition may read at this level, with what is known about their values. */
  fields: Readonly<Record<string, FieldDomain>>;
  /** What happens to a request no branch takes, e.g. `move on to "Finance" (the next level by order)`. */
  fallThrough: string;
  /** Upper bound on the combinations tried; beyond it the level is not analysed. */
  maxCombinations?: number;
};

export type Assignment = Record<string, SampleValue>;

export type CoverageFinding =
  | { kind: "GAP"; branchIds: string[]; example: Assignment; exampleText: string; message: string }
  | { kind: "OVERLAP"; branchIds: [winner: string, loser: string]; example: Assignment; exampleText: string; message: string }
  | { kind: "DEAD_BRANCH"; branchIds: string[]; example: Assignment | null; exampleText: string | null; message: string }
  | { kind: "NOT_ANALYSED"; branchIds: string[]; message: string };

const DEFAULT_MAX_COMBINATIONS = 5000;

function setPath(target: Record<string, unknown>, path: string, value: SampleValue): void {
  if (value === null) return; // a missing field is absent from the data, as in a real submission
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/** The data a submission with these values would give the engine (missing fields absent). */
export function dataOf(assignment: Assignment): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(assignment)) setPath(data, path, value);
  return data;
}

/** An assignment in words: `Amount = 1,000 and Category is empty`. */
export function assignmentInWords(assignment: Assignment, fields: Readonly<Record<string, FieldDomain>>, only?: ReadonlySet<string>): string {
  return Object.entries(assignment)
    .filter(([path]) => !only || only.has(path))
    .map(([path, value]) => {
      const domain = fields[path];
      const label = domain?.label ?? path;
      return value === null ? `${label} is empty` : `${label} = ${sampleInWords(value, domain)}`;
    })
    .join(" and ");
}

type Compiled = { branch: CoverageBranch; compiled: CompiledCondition; reads: Set<string> };

const quote = (branch: CoverageBranch) => `"${branch.name}"`;
const sameTarget = (a: CoverageBranch, b: CoverageBranch) => a.target === b.target && a.toLevelId === b.toLevelId;

// The editor re-checks the whole draft on every edit, and most edits leave most levels as they were:
// remembering recent answers keeps a 50-level flow responsive. Inputs are plain data, so their JSON is
// an exact key; the findings are never mutated by callers.
const recent = new Map<string, CoverageFinding[]>();
const RECENT_LIMIT = 500;

/**
 * The gaps, overlaps and dead branches among the branches leaving one level, each with a concrete
 * counter-example checked with the real evaluator; NOT_ANALYSED when a condition is beyond this check.
 */
export function analyseLevelCoverage(input: LevelCoverageInput): CoverageFinding[] {
  const key = JSON.stringify(input);
  const known = recent.get(key);
  if (known) return known;
  const findings = analyse(input);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(key, findings);
  return findings;
}

// A fixed clock: analysable conditions never read it, and evaluation then needs no Date per call.
const EVALUATE_AT = { now: new Date(0) };

function analyse(input: LevelCoverageInput): CoverageFinding[] {
  const conditional = input.branches.filter((branch) => !branch.isDefault && branch.condition !== null).sort((a, b) => a.priority - b.priority);
  if (conditional.length === 0) return [];
  const hasDefault = input.branches.some((branch) => branch.isDefault);
  const constants = new Map<string, Constant[]>();
  const compiled: Compiled[] = [];
  for (const branch of conditional) {
    const parsed = parseExpression(branch.condition!);
    if (!parsed.ok) return []; // reported as CONDITION_INVALID by the publish check
    const own: Scan = { constants: new Map(), problem: null };
    scan(parsed.ast, input.fields, own);
    if (own.problem) return [{ kind: "NOT_ANALYSED", branchIds: [branch.id], message: `Gaps and overlaps of the branches leaving "${input.levelName}" were not checked: the condition of ${quote(branch)} ${own.problem}.` }];
    for (const [path, values] of own.constants) constants.set(path, [...(constants.get(path) ?? []), ...values]);
    const env = Object.fromEntries([...own.constants.keys()].map((path) => [path, input.fields[path].type]));
    const result = compileCondition(branch.condition!, env);
    if (!result.ok) return []; // ill-typed: reported as CONDITION_INVALID by the publish check
    compiled.push({ branch, compiled: result, reads: new Set(own.constants.keys()) });
  }

  const paths = [...constants.keys()];
  const samples = paths.map((path) => samplesFor(input.fields[path], constants.get(path)!.filter((c): c is number | string | boolean => c !== null)) ?? []);
  const total = samples.reduce((product, list) => product * Math.max(list.length, 1), 1);
  if (total > (input.maxCombinations ?? DEFAULT_MAX_COMBINATIONS)) {
    return [{ kind: "NOT_ANALYSED", branchIds: [], message: `Gaps and overlaps of the branches leaving "${input.levelName}" were not checked: their conditions combine too many fields and values (${total.toLocaleString("en-US")} cases).` }];
  }

  let gap: Assignment | null = null;
  const overlaps = new Map<string, Assignment>();
  const taken = new Set<string>();
  const shadowedBy = new Map<string, { example: Assignment; by: Set<string> }>();
  const indices = samples.map(() => 0);
  for (let n = 0; n < total; n += 1) {
    const data: Record<string, unknown> = {};
    for (let i = 0; i < paths.length; i += 1) setPath(data, paths[i], samples[i][indices[i]]);
    // Built only when it becomes a counter-example.
    const assignment = (): Assignment => Object.fromEntries(paths.map((path, i) => [path, samples[i][indices[i]]]));
    const truths = compiled.map((entry) => entry.compiled.evaluate(data, EVALUATE_AT));
    const first = truths.indexOf(true);
    if (first < 0) gap ??= assignment();
    else taken.add(compiled[first].branch.id);
    truths.forEach((isTrue, j) => {
      if (!isTrue || j === first) return;
      const loser = compiled[j].branch;
      const winner = compiled[first].branch;
      const key = `${winner.id}\u0000${loser.id}`;
      if (!overlaps.has(key)) overlaps.set(key, assignment());
      const shadow = shadowedBy.get(loser.id) ?? { example: assignment(), by: new Set<string>() };
      shadow.by.add(winner.id);
      shadowedBy.set(loser.id, shadow);
    });
    for (let i = indices.length - 1; i >= 0; i -= 1) {
      indices[i] += 1;
      if (indices[i] < samples[i].length) break;
      indices[i] = 0;
    }
  }

  const findings: CoverageFinding[] = [];
  const nameOf = new Map(conditional.map((branch) => [branch.id, branch]));
  if (gap && !hasDefault) {
    const exampleText = assignmentInWords(gap, input.fields);
    findings.push({
      kind: "GAP",
      branchIds: conditional.map((branch) => branch.id),
      example: gap,
      exampleText,
      message: `${exampleText} matches no branch leaving "${input.levelName}" and the level has no default: such a request would ${input.fallThrough}. Add a default branch or cover this case.`,
    });
  }
  for (const entry of compiled) {
    const { branch } = entry;
    if (taken.has(branch.id)) continue;
    const shadow = shadowedBy.get(branch.id);
    const by = shadow ? [...shadow.by].map((id) => quote(nameOf.get(id)!)).join(", ") : "";
    findings.push({
      kind: "DEAD_BRANCH",
      branchIds: [branch.id, ...(shadow ? [...shadow.by] : [])],
      example: shadow?.example ?? null,
      exampleText: shadow ? assignmentInWords(shadow.example, input.fields, entry.reads) : null,
      message: shadow
        ? `Branch ${quote(branch)} can never be taken: every request it matches is taken first by ${by} (higher priority).`
        : `Branch ${quote(branch)} can never be taken: its condition is never true.`,
    });
  }
  for (const [key, example] of overlaps) {
    const [winnerId, loserId] = key.split("\u0000");
    const winner = nameOf.get(winnerId)!;
    const loser = nameOf.get(loserId)!;
    if (!taken.has(loserId) || sameTarget(winner, loser)) continue; // dead branches are reported above
    const reads = new Set([...compiled.find((c) => c.branch.id === winnerId)!.reads, ...compiled.find((c) => c.branch.id === loserId)!.reads]);
    const exampleText = assignmentInWords(example, input.fields, reads);
    findings.push({
      kind: "OVERLAP",
      branchIds: [winnerId, loserId],
      example,
      exampleText,
      message: `${exampleText} matches both ${quote(winner)} and ${quote(loser)}; ${quote(winner)} is taken because it comes first by priority.`,
    });
  }
  return findings;
}
