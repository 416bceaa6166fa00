// Sample data for a simulation: a valid value for every field by its type, and the values worth
// trying for each field a branch condition reads — just below, at and well above each number it is
// compared with (999, 1,000, 12,000 for "amount >= 1000"), the options it names and one it does not,
// both booleans, the day before / of / after a date.
import { childrenOf, pathKey } from "@/lib/expressions/ast";
import { parseExpression } from "@/lib/expressions/api";
import { addDays, formatDate, parseDate } from "@/lib/expressions/temporal";
import type { Expr, Type, TypeEnv } from "@/lib/expressions/types";
import type { TFlowDefinition } from "@/lib/flows/definition";
import type { Json, JsonObject } from "@/lib/flows/engine/types";

/** The day samples use for dates (fixed: a generated case must route the same way tomorrow). */
export const SAMPLE_DATE = "2026-01-05";

/** A valid value of `type`; null for a type that has no sensible sample (unknown). */
export function sampleValue(type: Type, key = "value"): Json {
  switch (type.kind) {
    case "number":
      return 100;
    case "string":
      return `Sample ${key.replace(/_/g, " ")}`;
    case "boolean":
      return true;
    case "date":
      return SAMPLE_DATE;
    case "datetime":
      return `${SAMPLE_DATE}T09:00:00.000Z`;
    case "options":
      return type.options[0]?.value ?? null;
    case "list":
      // A list of options takes its first option; other lists (files) start empty.
      return type.element.kind === "options" && type.element.options[0] ? [type.element.options[0].value] : [];
    default:
      return null;
  }
}

/** A valid value for every top-level field (repeating groups' columns are left out). */
export function sampleData(fields: TypeEnv): JsonObject {
  const data: JsonObject = {};
  for (const [key, type] of Object.entries(fields)) {
    if (key.includes(".")) continue;
    const value = sampleValue(type, key);
    if (value !== null) data[key] = value;
  }
  return data;
}

type Literal = number | string | boolean;

function literalOf(node: Expr): Literal | null {
  if (node.kind === "literal" && node.value !== null) return node.value;
  if (node.kind === "negate" && node.operand.kind === "literal" && typeof node.operand.value === "number") return -node.operand.value;
  if (node.kind === "call" && node.name === "date" && node.args[0]?.kind === "literal" && typeof node.args[0].value === "string") return node.args[0].value;
  return null;
}

// Every (field, constant) pair a condition compares: `amount >= 1000`, `1000 < amount`, `category in ["a", "b"]`.
function comparedConstants(ast: Expr, out: Map<string, Set<Literal>>) {
  const stack: Expr[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    stack.push(...childrenOf(node));
    if (node.kind !== "binary") continue;
    const pairs: [Expr, Expr][] = [[node.left, node.right], [node.right, node.left]];
    for (const [field, other] of pairs) {
      if (field.kind !== "field") continue;
      const key = pathKey(field.path);
      const values = other.kind === "list" ? other.items.map(literalOf) : [literalOf(other)];
      for (const value of values) if (value !== null) (out.get(key) ?? out.set(key, new Set()).get(key)!).add(value);
    }
  }
}

const below = (value: number) => (Number.isInteger(value) ? value - 1 : Math.round((value - 0.01) * 100) / 100);
const wellAbove = (value: number) => (value === 0 ? 1 : Math.abs(value) * 12);

/** Values of one field worth trying, given the constants conditions compare it with. */
function boundariesFor(type: Type, constants: ReadonlySet<Literal>): Json[] {
  const values = new Set<string>();
  const out: Json[] = [];
  const add = (value: Json) => {
    const key = JSON.stringify(value);
    if (values.has(key)) return;
    values.add(key);
    out.push(value);
  };
  if (type.kind === "number" || type.kind === "unknown") {
    const numbers = [...constants].filter((value): value is number => typeof value === "number").sort((a, b) => a - b);
    for (const value of numbers) [below(value), value].forEach(add);
    if (numbers.length > 0) add(wellAbove(numbers[numbers.length - 1]));
  } else if (type.kind === "boolean") {
    [true, false].forEach(add);
  } else if (type.kind === "options" || (type.kind === "list" && type.element.kind === "options")) {
    const options = type.kind === "options" ? type.options : type.kind === "list" && type.element.kind === "options" ? type.element.options : [];
    const named = [...constants].filter((value): value is string => typeof value === "string");
    for (const value of named) add(type.kind === "list" ? [value] : value);
    const other = options.find((option) => !named.includes(option.value));
    if (other) add(type.kind === "list" ? [other.value] : other.value);
  } else if (type.kind === "date") {
    for (const text of [...constants].filter((value): value is string => typeof value === "string").sort()) {
      const day = parseDate(text);
      if (day) [addDays(day, -1), day, addDays(day, 1)].map(formatDate).forEach(add);
    }
  } else if (type.kind === "string") {
    [...constants].filter((value): value is string => typeof value === "string").forEach(add);
  }
  return out;
}

/** For every data field a branch condition reads: the values worth trying, in order. */
export function boundaryValues(definition: TFlowDefinition, fields: TypeEnv): Record<string, Json[]> {
  const constants = new Map<string, Set<Literal>>();
  for (const branch of definition.branches) {
    if (!branch.condition) continue;
    const parsed = parseExpression(branch.condition);
    if (parsed.ok) comparedConstants(parsed.ast, constants);
  }
  const result: Record<string, Json[]> = {};
  for (const [key, values] of constants) {
    if (!Object.hasOwn(fields, key)) continue;
    const tries = boundariesFor(fields[key], values);
    if (tries.length > 0) result[key] = tries;
  }
  return result;
}
