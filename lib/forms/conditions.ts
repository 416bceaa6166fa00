// Field conditions (show / require / disable) in the one expression language.
//
// Storage decision: a condition is stored canonically as `{ source }` — expression text. The builder
// may send either `{ source }` (text editor) or a rule-builder group (`{ combinator, rules }`, or the
// legacy `{ operator: "AND", rules }`); a group is converted with `rulesToAst` + `toText` when the
// definition is parsed. Why text: one representation to type-check, evaluate, diff and show in the
// version history, and the rule builder loses nothing it can show — `conditionToRules` gives the
// group back (`astToRules(parse(source))`), or null for expressions the builder cannot display
// (arithmetic, field-to-field comparisons), in which case the UI offers only the text editor.
// Conversion details: nested groups of the same combinator are flattened and a one-rule "or" group
// becomes an "and" group — both mean the same thing.
import { z } from "zod";
import { parseExpression } from "@/lib/expressions/api";
import { rulesToAst, astToRules, type RuleGroup } from "@/lib/expressions/rules";
import { parseRuleGroup } from "@/lib/expressions/schema";
import { toText } from "@/lib/expressions/to-text";
import { DEFAULT_LIMITS, type TypeEnv } from "@/lib/expressions/types";

export const MAX_CONDITION_LENGTH = DEFAULT_LIMITS.maxLength;

/** A stored condition: expression text over the form's fields. */
export const ZCondition = z.strictObject({
  source: z.string().max(MAX_CONDITION_LENGTH, `A condition can be at most ${MAX_CONDITION_LENGTH} characters`),
});
export type TCondition = z.output<typeof ZCondition>;

export type TConditionInput = TCondition | { rules: RuleGroup };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What the builder may send: `{ source }` or a rule group. Parsed by hand rather than as a zod union
 * because rule groups are recursive: `parseRuleGroup` bounds their depth before zod recurses.
 */
export const ZConditionInput = z.unknown().transform((input, context): TConditionInput => {
  if (isRecord(input) && Object.hasOwn(input, "source")) {
    const parsed = ZCondition.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }
  if (isRecord(input) && Object.hasOwn(input, "rules")) {
    const parsed = parseRuleGroup(input);
    if (parsed.ok) return { rules: parsed.group };
    context.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  context.addIssue({ code: "custom", message: "A condition is { source } text or a rule group { combinator, rules }" });
  return z.NEVER;
});

/** The stored form of a condition; rule groups become text, with date values typed by `env`. */
export function canonicalCondition(input: TConditionInput, env: TypeEnv): TCondition {
  if ("source" in input) return { source: input.source };
  return { source: toText(rulesToAst(input.rules, { env })) };
}

/** The rule-builder view of a stored condition, or null when it can only be shown as text. */
export function conditionToRules(condition: TCondition): RuleGroup | null {
  const parsed = parseExpression(condition.source);
  return parsed.ok ? astToRules(parsed.ast) : null;
}

export const CONDITION_KINDS = ["show", "require", "disable"] as const;
export type TConditionKind = (typeof CONDITION_KINDS)[number];

export const CONDITION_NAMES: Record<TConditionKind, string> = { show: "Show condition", require: "Require condition", disable: "Disable condition" };
