// The flow definition: the engine's input, a plain JSON snapshot of one flow version (levels with
// their settings, branches between them). Three entry points:
// - ZFlowDefinition validates the document and its structural invariants (what any saved draft keeps);
// - toFlowDefinition maps the Prisma rows of a version onto it (the runner calls it after loading);
// - checkFlow is the publish check: the precise problems that make a version unfit to run.
// Pure: no database, no Next, no React.
import { z } from "zod";
import { fieldsUsed } from "@/lib/expressions/analysis";
import { checkCondition, parseExpression } from "@/lib/expressions/api";
import { rulesToAst } from "@/lib/expressions/rules";
import { parseRuleGroup } from "@/lib/expressions/schema";
import { toText } from "@/lib/expressions/to-text";
import { t, type Type, type TypeEnv } from "@/lib/expressions/types";
import { analyseRoutes, levelsByOrder } from "./engine/graph";

export const FLOW_SCHEMA_VERSION = 1;

export const LEVEL_ACTIONS = ["submit", "approve", "reject", "send_back", "request_changes"] as const;
export type TLevelAction = (typeof LEVEL_ACTIONS)[number];
export const APPROVAL_MODES = ["ANY", "ALL", "AT_LEAST"] as const;
export const BRANCH_TARGETS = ["LEVEL", "COMPLETE", "REJECT"] as const;

const ZId = z.string().min(1).max(200);

export const ZAssignee = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("INITIATOR") }),
  z.object({ kind: z.literal("INITIATOR_MANAGER") }),
  z.object({ kind: z.literal("ROLE"), roleId: ZId }),
  z.object({ kind: z.literal("DEPARTMENT"), departmentId: ZId }),
  z.object({ kind: z.literal("USER"), userId: ZId }),
]);
export type TAssignee = z.infer<typeof ZAssignee>;

export const ZEscalation = z.discriminatedUnion("to", [
  z.object({ to: z.literal("role"), roleId: ZId }),
  z.object({ to: z.literal("initiator_manager") }),
]);
export type TEscalation = z.infer<typeof ZEscalation>;

const ZHours = z.number("Enter a number of hours").positive("Must be more than 0 hours").max(24 * 366, "At most a year (8,784 hours)");

/** The engine settings stored in `FlowLevel.config` (unknown keys are dropped). */
export const ZLevelConfig = z.object({
  allowedActions: z.array(z.enum(LEVEL_ACTIONS)).max(LEVEL_ACTIONS.length).optional(),
  allowSelfApproval: z.boolean().optional(),
  dueInHours: ZHours.optional(),
  reminderBeforeHours: ZHours.optional(),
  escalation: ZEscalation.optional(),
});

export const ZFlowLevel = z.object({
  id: ZId,
  name: z.string().trim().min(1, "Give the level a name").max(200, "At most 200 characters"),
  order: z.number().int(),
  approvalMode: z.enum(APPROVAL_MODES),
  /** For AT_LEAST: how many distinct approvals complete the level. */
  requiredApprovals: z.number("Enter how many approvals").int("A whole number").min(1, "At least 1").max(1000, "At most 1,000"),
  allowedActions: z.array(z.enum(LEVEL_ACTIONS)).max(LEVEL_ACTIONS.length),
  allowSelfApproval: z.boolean(),
  dueInHours: ZHours.optional(),
  reminderBeforeHours: ZHours.optional(),
  escalation: ZEscalation.optional(),
  assignees: z.array(ZAssignee).max(100),
  /** The published form (task) versions filled at this level, in order. */
  taskVersionIds: z.array(ZId).max(50),
});
export type TFlowLevel = z.infer<typeof ZFlowLevel>;

export const ZFlowBranch = z.object({
  id: ZId,
  name: z.string().max(200),
  fromLevelId: ZId,
  target: z.enum(BRANCH_TARGETS),
  /** Set exactly when target is LEVEL. */
  toLevelId: ZId.nullable(),
  /** Source text in the shared expression language; null exactly on the default branch. */
  condition: z.string().max(4000).nullable(),
  isDefault: z.boolean(),
  /** Lower is evaluated first. */
  priority: z.number().int(),
});
export type TFlowBranch = z.infer<typeof ZFlowBranch>;

export const SCHEMA_PROBLEM_CODES = [
  "DUPLICATE_LEVEL_ID",
  "DUPLICATE_ORDER",
  "DUPLICATE_BRANCH_ID",
  "DUPLICATE_ACTION",
  "UNKNOWN_LEVEL",
  "TARGET_MISMATCH",
  "MULTIPLE_DEFAULTS",
  "DUPLICATE_PRIORITY",
  "CONDITION_MISSING",
  "DEFAULT_WITH_CONDITION",
] as const;
type SchemaProblemCode = (typeof SCHEMA_PROBLEM_CODES)[number];

export const ZFlowDefinition = z
  .object({
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    levels: z.array(ZFlowLevel).max(200),
    branches: z.array(ZFlowBranch).max(1000),
  })
  .superRefine((definition, ctx) => {
    const problem = (code: SchemaProblemCode, message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: "custom", message, path, params: { code } });
    const levelIds = new Set<string>();
    const orders = new Set<number>();
    definition.levels.forEach((level, i) => {
      if (levelIds.has(level.id)) problem("DUPLICATE_LEVEL_ID", `Two levels have the id "${level.id}"`, ["levels", i, "id"]);
      if (orders.has(level.order)) problem("DUPLICATE_ORDER", `Two levels have the order ${level.order}`, ["levels", i, "order"]);
      if (new Set(level.allowedActions).size !== level.allowedActions.length) {
        problem("DUPLICATE_ACTION", `Level "${level.name}" lists an action twice`, ["levels", i, "allowedActions"]);
      }
      levelIds.add(level.id);
      orders.add(level.order);
    });
    const branchIds = new Set<string>();
    const defaults = new Set<string>();
    const priorities = new Set<string>();
    definition.branches.forEach((branch, i) => {
      const at = (key: string) => ["branches", i, key];
      if (branchIds.has(branch.id)) problem("DUPLICATE_BRANCH_ID", `Two branches have the id "${branch.id}"`, at("id"));
      branchIds.add(branch.id);
      if (!levelIds.has(branch.fromLevelId)) problem("UNKNOWN_LEVEL", `Branch "${branch.name}" leaves a level that does not exist`, at("fromLevelId"));
      if (branch.target === "LEVEL" && branch.toLevelId === null) problem("TARGET_MISMATCH", `Branch "${branch.name}" goes to a level but names none`, at("toLevelId"));
      if (branch.target !== "LEVEL" && branch.toLevelId !== null) problem("TARGET_MISMATCH", `Branch "${branch.name}" ends the flow and must not name a level`, at("toLevelId"));
      if (branch.toLevelId !== null && !levelIds.has(branch.toLevelId)) problem("UNKNOWN_LEVEL", `Branch "${branch.name}" goes to a level that does not exist`, at("toLevelId"));
      if (branch.isDefault) {
        if (defaults.has(branch.fromLevelId)) problem("MULTIPLE_DEFAULTS", `Level has more than one default branch ("${branch.name}")`, at("isDefault"));
        defaults.add(branch.fromLevelId);
        if (branch.condition !== null) problem("DEFAULT_WITH_CONDITION", `Default branch "${branch.name}" must not have a condition`, at("condition"));
      } else if (branch.condition === null || branch.condition.trim() === "") {
        problem("CONDITION_MISSING", `Branch "${branch.name}" needs a condition (or be the default)`, at("condition"));
      }
      const priorityKey = `${branch.fromLevelId}\u0000${branch.priority}`;
      if (priorities.has(priorityKey)) problem("DUPLICATE_PRIORITY", `Two branches from one level have priority ${branch.priority} ("${branch.name}")`, at("priority"));
      priorities.add(priorityKey);
    });
  });
export type TFlowDefinition = z.infer<typeof ZFlowDefinition>;

// ---------------------------------------------------------------------------------------------------
// Prisma rows → definition

/** The rows of one version as `lib/flows/queries.ts` selects them (structural: no Prisma import). */
export type FlowVersionRows = {
  levels: ReadonlyArray<{
    id: string;
    name: string;
    order: number;
    approvalMode: string;
    requiredApprovals: number;
    config: unknown;
    assignees: ReadonlyArray<{ kind: string; roleId: string | null; departmentId: string | null; userId: string | null }>;
    tasks: ReadonlyArray<{ taskVersionId: string; order: number }>;
    outgoingBranches: ReadonlyArray<{
      id: string;
      name: string;
      target: string;
      toLevelId: string | null;
      condition: unknown;
      isDefault: boolean;
      priority: number;
    }>;
  }>;
};

export type FlowProblem = {
  code: FlowProblemCode;
  message: string;
  levelId?: string;
  branchId?: string;
  /** The field a FIELD_NOT_AVAILABLE problem is about. */
  field?: string;
  /** Expression diagnostics of a condition, with positions into its source. */
  diagnostics?: { message: string; start: number; end: number }[];
};

// A stored condition is `{ source }` or a rule-builder tree; both become source text.
function conditionSource(raw: unknown): string | null | { error: string } {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "object" && typeof (raw as { source?: unknown }).source === "string") return (raw as { source: string }).source;
  const group = parseRuleGroup(raw);
  if (group.ok) return toText(rulesToAst(group.group));
  return { error: `The stored condition is neither { source } nor a rule group (${group.message})` };
}

// A level without stored actions: a form level is filled (submit), any other is decided.
const defaultActions = (hasForms: boolean): TLevelAction[] => (hasForms ? ["submit"] : ["approve", "reject"]);

/**
 * Maps the Prisma rows of a flow version onto the definition and validates it. Level `config` holds
 * allowedActions / allowSelfApproval / dueInHours / reminderBeforeHours / escalation; missing
 * allowedActions default to ["submit"] on a level with forms and ["approve", "reject"] otherwise.
 */
export function toFlowDefinition(version: FlowVersionRows): { ok: true; definition: TFlowDefinition } | { ok: false; problems: FlowProblem[] } {
  const problems: FlowProblem[] = [];
  const levels = version.levels.map((row) => {
    const config = ZLevelConfig.safeParse(row.config ?? {});
    if (!config.success) problems.push({ code: "INVALID_DEFINITION", message: `Level "${row.name}" has invalid settings: ${config.error.issues[0].message}`, levelId: row.id });
    const settings = config.success ? config.data : {};
    const taskVersionIds = [...row.tasks].sort((a, b) => a.order - b.order).map((task) => task.taskVersionId);
    return {
      id: row.id,
      name: row.name,
      order: row.order,
      approvalMode: row.approvalMode,
      requiredApprovals: row.requiredApprovals,
      allowedActions: settings.allowedActions ?? defaultActions(taskVersionIds.length > 0),
      allowSelfApproval: settings.allowSelfApproval ?? false,
      ...(settings.dueInHours !== undefined ? { dueInHours: settings.dueInHours } : {}),
      ...(settings.reminderBeforeHours !== undefined ? { reminderBeforeHours: settings.reminderBeforeHours } : {}),
      ...(settings.escalation !== undefined ? { escalation: settings.escalation } : {}),
      assignees: row.assignees.map(({ kind, roleId, departmentId, userId }) => ({
        kind,
        ...(kind === "ROLE" ? { roleId } : {}),
        ...(kind === "DEPARTMENT" ? { departmentId } : {}),
        ...(kind === "USER" ? { userId } : {}),
      })),
      taskVersionIds,
    };
  });
  const branches = version.levels.flatMap((row) =>
    row.outgoingBranches.map((branch) => {
      const source = conditionSource(branch.condition);
      if (source !== null && typeof source === "object") problems.push({ code: "INVALID_DEFINITION", message: source.error, levelId: row.id, branchId: branch.id });
      return { ...branch, fromLevelId: row.id, condition: typeof source === "string" ? source : null };
    }),
  );
  if (problems.length > 0) return { ok: false, problems };
  const parsed = ZFlowDefinition.safeParse({ schemaVersion: FLOW_SCHEMA_VERSION, levels, branches });
  return parsed.success ? { ok: true, definition: parsed.data } : { ok: false, problems: schemaProblems(parsed.error, levels, branches) };
}

function schemaProblems(error: z.ZodError, levels: readonly { id?: unknown }[], branches: readonly { id?: unknown }[]): FlowProblem[] {
  return error.issues.map((issue) => {
    const [collection, index] = issue.path;
    const item = typeof index === "number" ? (collection === "levels" ? levels : collection === "branches" ? branches : [])[index] : undefined;
    const id = typeof item?.id === "string" ? item.id : undefined;
    const params = issue.code === "custom" ? (issue.params as { code?: SchemaProblemCode } | undefined) : undefined;
    return {
      code: params?.code ?? "INVALID_DEFINITION",
      message: issue.path.length > 0 && !params?.code ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
      ...(collection === "levels" && id ? { levelId: id } : {}),
      ...(collection === "branches" && id ? { branchId: id } : {}),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// The publish check

export type FlowProblemCode =
  | SchemaProblemCode
  | "INVALID_DEFINITION"
  | "NO_START_LEVEL"
  | "UNREACHABLE_LEVEL"
  | "NO_PATH_TO_END"
  | "LOOP_WITHOUT_EXIT"
  | "CONDITION_INVALID"
  | "FIELD_NOT_AVAILABLE"
  | "NO_ASSIGNEE"
  | "NO_ALLOWED_ACTIONS"
  | "DUE_TIME_MISSING";

/** What a condition can always read about the initiator (the engine snapshots these at start). */
export const INITIATOR_ENV: TypeEnv = {
  "initiator.id": t.string,
  "initiator.departmentId": t.string,
  "initiator.roleIds": t.list(t.string),
};

export type FieldsAt = Readonly<Record<string, TypeEnv>> | ((levelId: string) => TypeEnv | undefined);

export type CheckFlowOptions = {
  /** The fields the forms of each level define (by level id); absent = the level fills no fields. */
  fieldsAt?: FieldsAt;
  /** Fields present from the start (e.g. data an API start supplies). */
  baseEnv?: TypeEnv;
  /** Further initiator attributes, keyed "initiator.<name>"; INITIATOR_ENV is always included. */
  initiatorEnv?: TypeEnv;
};

const sameType = (a: Type, b: Type) => JSON.stringify(a) === JSON.stringify(b);
const ownFields = (fieldsAt: FieldsAt | undefined, levelId: string): TypeEnv =>
  (typeof fieldsAt === "function" ? fieldsAt(levelId) : fieldsAt && Object.hasOwn(fieldsAt, levelId) ? fieldsAt[levelId] : undefined) ?? {};

/**
 * The fields a condition on a branch leaving each level may read: the fields filled at that level and
 * at every level that precedes it on *every* route from the start (a must-analysis: a field filled on
 * only some routes may be missing). Routes follow branches and the fall-through to the next level.
 */
export function availableFields(definition: TFlowDefinition, fieldsAt?: FieldsAt): Map<string, TypeEnv> {
  const { successors, start } = analyseRoutes(definition);
  const own = new Map(definition.levels.map((level) => [level.id, ownFields(fieldsAt, level.id)]));
  const universe: Record<string, Type> = {};
  for (const env of own.values()) Object.assign(universe, env);
  // Fields known on entry (undefined = not yet reached, i.e. the top of the lattice).
  const entry = new Map<string, Record<string, Type> | undefined>(definition.levels.map((level) => [level.id, undefined]));
  if (start) entry.set(start.id, {});
  const exitOf = (levelId: string) => ({ ...(entry.get(levelId) ?? {}), ...own.get(levelId) });
  let changed = true;
  while (changed) {
    changed = false;
    for (const level of levelsByOrder(definition)) {
      const incoming = entry.get(level.id);
      if (incoming === undefined) continue;
      const out = exitOf(level.id);
      for (const next of successors.get(level.id) ?? []) {
        if (next === start?.id) continue; // the first visit of the start level knows nothing yet
        const before = entry.get(next);
        const met: Record<string, Type> = {};
        if (before === undefined) Object.assign(met, out);
        else for (const [key, type] of Object.entries(before)) if (Object.hasOwn(out, key)) met[key] = sameType(type, out[key]) ? type : t.unknown;
        if (before === undefined || Object.keys(met).length !== Object.keys(before).length || Object.entries(met).some(([k, v]) => !sameType(v, before[k]))) {
          entry.set(next, met);
          changed = true;
        }
      }
    }
  }
  return new Map(definition.levels.map((level) => [level.id, exitOf(level.id)]));
}

// A path is readable when declared, or when a prefix of it is declared `unknown`.
function isReadable(path: string, env: TypeEnv): boolean {
  if (Object.hasOwn(env, path)) return true;
  const parts = path.split(".");
  for (let i = parts.length - 1; i > 0; i -= 1) {
    const prefix = parts.slice(0, i).join(".");
    if (Object.hasOwn(env, prefix) && env[prefix].kind === "unknown") return true;
  }
  return false;
}

/**
 * The publish check: every problem that makes the version unfit to run, each with a code and the
 * level or branch it concerns; an empty list means the version may be published.
 */
export function checkFlow(input: unknown, options: CheckFlowOptions = {}): FlowProblem[] {
  const parsed = ZFlowDefinition.safeParse(input);
  if (!parsed.success) {
    const raw = (typeof input === "object" && input !== null ? input : {}) as { levels?: unknown; branches?: unknown };
    return schemaProblems(parsed.error, Array.isArray(raw.levels) ? raw.levels : [], Array.isArray(raw.branches) ? raw.branches : []);
  }
  const definition = parsed.data;
  const problems: FlowProblem[] = [];
  if (definition.levels.length === 0) return [{ code: "NO_START_LEVEL", message: "The flow has no levels, so it has nowhere to start" }];
  const nameOf = new Map(definition.levels.map((level) => [level.id, level.name]));
  const routes = analyseRoutes(definition);

  for (const level of levelsByOrder(definition)) {
    if (!routes.reachable.has(level.id)) problems.push({ code: "UNREACHABLE_LEVEL", message: `No path from the start reaches level "${level.name}"`, levelId: level.id });
    if (level.assignees.length === 0) problems.push({ code: "NO_ASSIGNEE", message: `Level "${level.name}" has no assignee`, levelId: level.id });
    if (level.allowedActions.length === 0) problems.push({ code: "NO_ALLOWED_ACTIONS", message: `Level "${level.name}" allows no action, so it can never be left`, levelId: level.id });
    if ((level.escalation || level.reminderBeforeHours !== undefined) && level.dueInHours === undefined) {
      problems.push({ code: "DUE_TIME_MISSING", message: `Level "${level.name}" has a reminder or escalation but no due time`, levelId: level.id });
    }
  }
  for (const loop of routes.closedLoops) {
    const names = loop.map((id) => `"${nameOf.get(id)}"`).join(", ");
    problems.push({ code: "LOOP_WITHOUT_EXIT", message: `Levels ${names} route only among themselves: the flow can never end once there`, levelId: loop[0] });
  }
  const inLoop = new Set(routes.closedLoops.flat());
  for (const level of levelsByOrder(definition)) {
    if (!routes.canEnd.has(level.id) && !inLoop.has(level.id)) {
      problems.push({ code: "NO_PATH_TO_END", message: `No path from level "${level.name}" reaches the end of the flow`, levelId: level.id });
    }
  }

  const available = availableFields(definition, options.fieldsAt);
  const everywhere: Record<string, Type> = { ...options.baseEnv };
  for (const level of definition.levels) Object.assign(everywhere, ownFields(options.fieldsAt, level.id));
  const initiatorEnv = { ...INITIATOR_ENV, ...options.initiatorEnv };
  for (const branch of definition.branches) {
    if (branch.condition === null) continue;
    const from = nameOf.get(branch.fromLevelId);
    const env: TypeEnv = { ...options.baseEnv, ...available.get(branch.fromLevelId), ...initiatorEnv };
    const parsedCondition = parseExpression(branch.condition);
    if (!parsedCondition.ok) {
      problems.push({ code: "CONDITION_INVALID", message: `The condition of branch "${branch.name}" does not parse: ${parsedCondition.diagnostics[0].message}`, branchId: branch.id, levelId: branch.fromLevelId, diagnostics: parsedCondition.diagnostics });
      continue;
    }
    const missing = [...fieldsUsed(parsedCondition.ast)].filter((path) => !isReadable(path, env));
    for (const path of missing) {
      const fillers = definition.levels.filter((level) => isReadable(path, ownFields(options.fieldsAt, level.id))).map((level) => `"${level.name}"`);
      const message =
        fillers.length > 0
          ? `Branch "${branch.name}" reads "${path}", which is filled at ${fillers.join(", ")} — not before "${from}" on every path`
          : `Branch "${branch.name}" reads "${path}", which no form of this flow fills`;
      problems.push({ code: "FIELD_NOT_AVAILABLE", message, branchId: branch.id, levelId: branch.fromLevelId, field: path });
    }
    // Type-check with every field of the flow visible, so a missing field is reported once (above).
    const lenient: Record<string, Type> = { ...everywhere, ...env };
    for (const path of missing) if (!isReadable(path, lenient)) lenient[path] = t.unknown;
    const checked = checkCondition(branch.condition, lenient);
    if (!checked.ok) {
      problems.push({ code: "CONDITION_INVALID", message: `The condition of branch "${branch.name}" is not valid: ${checked.diagnostics.map((d) => d.message).join("; ")}`, branchId: branch.id, levelId: branch.fromLevelId, diagnostics: checked.diagnostics });
    }
  }
  return problems;
}
