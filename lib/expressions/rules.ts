// The rule builder's structured form (AND/OR groups of { field, operator, value }) and its mapping to
// and from the same AST the text editor produces, so both editors share one checker and evaluator.
import { pathKey } from "./ast";
import type { BinaryOperator, Expr, ExprOf, LiteralValue, Type, TypeEnv } from "./types";

export const RULE_OPERATORS = [
  "equals", "not_equals", "greater_than", "greater_or_equal", "less_than", "less_or_equal",
  "contains", "in_list", "is_empty", "is_not_empty",
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];
export type RuleScalar = string | number | boolean | null;
/** `value` is a list for in_list and absent for is_empty / is_not_empty. */
export type Rule = { field: string; operator: RuleOperator; value?: RuleScalar | RuleScalar[] };
export type RuleGroup = { combinator: "and" | "or"; rules: Array<Rule | RuleGroup> };
/** The shape stored before the rule builder existed: `{ operator: "AND", rules: [...] }`. */
export type LegacyRuleGroup = { operator: "AND" | "OR" | "and" | "or"; rules: Array<Rule | RuleGroupInput> };
export type RuleGroupInput = RuleGroup | LegacyRuleGroup;

const BINARY_OF: Partial<Record<RuleOperator, BinaryOperator>> = {
  equals: "==", not_equals: "!=", greater_than: ">", greater_or_equal: ">=", less_than: "<", less_or_equal: "<=",
  contains: "contains", in_list: "in",
};
const OPERATOR_OF: Partial<Record<BinaryOperator, RuleOperator>> = Object.fromEntries(
  Object.entries(BINARY_OF).map(([rule, binary]) => [binary, rule]),
);

const NO_SPAN = { start: 0, end: 0 };
const isGroup = (node: Rule | RuleGroupInput): node is RuleGroupInput => "rules" in node && Array.isArray(node.rules);
const combinatorOf = (group: RuleGroupInput): "and" | "or" =>
  ("combinator" in group ? group.combinator : group.operator.toLowerCase()) === "or" ? "or" : "and";

function temporalOf(type: Type | undefined): "date" | "datetime" | null {
  if (!type) return null;
  if (type.kind === "list") return temporalOf(type.element);
  return type.kind === "date" || type.kind === "datetime" ? type.kind : null;
}

// A rule value as an AST; text for a date field becomes date("…") so the comparison type-checks.
function valueToAst(value: RuleScalar, temporal: "date" | "datetime" | null): Expr {
  const literal: Expr = { kind: "literal", value, ...NO_SPAN };
  return temporal && typeof value === "string" ? { kind: "call", name: temporal, args: [literal], ...NO_SPAN } : literal;
}

function ruleToAst(rule: Rule, env: TypeEnv | undefined): Expr {
  const path = rule.field.split(".");
  const field: Expr = { kind: "field", path, ...NO_SPAN };
  if (rule.operator === "is_empty" || rule.operator === "is_not_empty") return { kind: "call", name: rule.operator, args: [field], ...NO_SPAN };
  const key = pathKey(path);
  const temporal = temporalOf(env && Object.hasOwn(env, key) ? env[key] : undefined);
  const op = BINARY_OF[rule.operator] ?? "==";
  const raw = rule.value === undefined ? null : rule.value;
  let right: Expr;
  if (op === "in") {
    const items = Array.isArray(raw) ? raw : [raw];
    right = { kind: "list", items: items.map((item) => valueToAst(item, temporal)), ...NO_SPAN };
  } else {
    right = valueToAst(Array.isArray(raw) ? (raw[0] ?? null) : raw, temporal);
  }
  return { kind: "binary", op, left: field, right, ...NO_SPAN };
}

/**
 * The AST of a rule-builder group (new or legacy shape). An empty "and" group is `true`, an empty "or"
 * group `false`, a one-rule group that rule. With `env`, text values of date fields become date("…").
 */
export function rulesToAst(group: RuleGroupInput, options: { env?: TypeEnv } = {}): Expr {
  const operands = group.rules.map((node) => (isGroup(node) ? rulesToAst(node, options) : ruleToAst(node, options.env)));
  const op = combinatorOf(group);
  if (operands.length === 0) return { kind: "literal", value: op === "and", ...NO_SPAN };
  if (operands.length === 1) return operands[0];
  return { kind: "logical", op, operands, ...NO_SPAN };
}

type Node = ExprOf<object>;

function scalarOf(node: Node): { value: RuleScalar } | null {
  if (node.kind === "literal") return { value: node.value as LiteralValue };
  if (node.kind === "negate" && node.operand.kind === "literal" && typeof node.operand.value === "number") return { value: -node.operand.value };
  const [arg] = node.kind === "call" ? node.args : [];
  if (node.kind === "call" && (node.name === "date" || node.name === "datetime") && node.args.length === 1 && arg.kind === "literal" && typeof arg.value === "string") {
    return { value: arg.value };
  }
  return null;
}

function ruleOf(node: Node): Rule | null {
  if (node.kind === "call" && (node.name === "is_empty" || node.name === "is_not_empty") && node.args.length === 1 && node.args[0].kind === "field") {
    return { field: pathKey(node.args[0].path), operator: node.name };
  }
  if (node.kind !== "binary" || node.left.kind !== "field") return null;
  const operator = OPERATOR_OF[node.op];
  if (!operator) return null;
  const field = pathKey(node.left.path);
  if (operator === "in_list") {
    if (node.right.kind !== "list") return null;
    const items = node.right.items.map(scalarOf);
    return items.every((item) => item !== null) ? { field, operator, value: items.map((item) => item!.value) } : null;
  }
  const scalar = scalarOf(node.right);
  return scalar ? { field, operator, value: scalar.value } : null;
}

function groupOf(node: Node & { kind: "logical" }): RuleGroup | null {
  const rules: Array<Rule | RuleGroup> = [];
  for (const operand of node.operands) {
    const converted = operand.kind === "logical" ? groupOf(operand) : operand.kind === "literal" ? emptyGroupOf(operand.value) : ruleOf(operand);
    if (!converted) return null;
    rules.push(converted);
  }
  return { combinator: node.op, rules };
}

const emptyGroupOf = (value: LiteralValue): RuleGroup | null =>
  value === true ? { combinator: "and", rules: [] } : value === false ? { combinator: "or", rules: [] } : null;

/**
 * The rule-builder form of an AST, or null when the AST cannot be shown as rules (arithmetic,
 * field-to-field comparisons, negations…); the UI then offers only the text editor.
 */
export function astToRules(ast: Node): RuleGroup | null {
  if (ast.kind === "literal") return emptyGroupOf(ast.value);
  if (ast.kind === "logical") return groupOf(ast);
  const rule = ruleOf(ast);
  return rule ? { combinator: "and", rules: [rule] } : null;
}
