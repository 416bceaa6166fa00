import { z } from "zod";
import { RULE_OPERATORS, type Rule, type RuleGroup } from "./rules";

// Stored rule trees are untrusted JSON; zod validates them and turns the legacy `{ operator: "AND" }`
// shape into `{ combinator: "and" }`. Depth is checked first because zod validates recursively.
const MAX_RULE_DEPTH = 32;
const MAX_RULES = 500;

const ZRuleScalar = z.union([z.string().max(1000), z.number().refine(Number.isFinite, "Numbers must be finite"), z.boolean(), z.null()]);

export const ZRule = z
  .object({
    field: z.string().min(1, "Choose a field").max(500),
    operator: z.enum(RULE_OPERATORS),
    value: z.union([ZRuleScalar, z.array(ZRuleScalar).max(MAX_RULES)]).optional(),
  })
  .superRefine((rule, context) => {
    const isList = Array.isArray(rule.value);
    if (rule.operator === "in_list" && !isList) context.addIssue({ code: "custom", path: ["value"], message: "in_list needs a list of values" });
    if (rule.operator !== "in_list" && isList) context.addIssue({ code: "custom", path: ["value"], message: `${rule.operator} needs a single value` });
  })
  .transform((rule): Rule => (rule.operator === "is_empty" || rule.operator === "is_not_empty" ? { field: rule.field, operator: rule.operator } : rule));

export const ZRuleGroup: z.ZodType<RuleGroup, unknown> = z.lazy(() =>
  z.union([
    z.object({ combinator: z.enum(["and", "or"]), rules: z.array(z.union([ZRuleGroup, ZRule])).max(MAX_RULES) }),
    z
      .object({ operator: z.enum(["AND", "OR", "and", "or"]), rules: z.array(z.union([ZRuleGroup, ZRule])).max(MAX_RULES) })
      .transform((legacy): RuleGroup => ({ combinator: legacy.operator === "OR" || legacy.operator === "or" ? "or" : "and", rules: legacy.rules })),
  ]),
);
export type TRuleGroup = RuleGroup;

function depthOf(input: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[input, 1]];
  while (stack.length > 0 && deepest <= MAX_RULE_DEPTH) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    const rules = typeof node === "object" && node !== null && Object.hasOwn(node, "rules") ? (node as { rules: unknown }).rules : null;
    if (Array.isArray(rules)) for (const child of rules.slice(0, MAX_RULES)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Validates a stored rule tree (new or legacy shape) into the rule-builder form. */
export function parseRuleGroup(input: unknown): { ok: true; group: RuleGroup } | { ok: false; message: string } {
  if (depthOf(input) > MAX_RULE_DEPTH) return { ok: false, message: `Rule groups are nested too deeply (limit ${MAX_RULE_DEPTH})` };
  const parsed = ZRuleGroup.safeParse(input);
  if (parsed.success) return { ok: true, group: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue.path.join(".") || "rules"}: ${issue.message}` };
}
