// Evaluator over a checked AST. Total by construction:
// - missing data is null; data not matching its declared type is null (ISO text for a date field is a
//   date, "12.50" for a number field is 12.5 — see values.ts);
// - null propagates through arithmetic and functions; division by zero and non-finite results are null;
// - <, <=, >, >=, `in` and `contains` with a null operand are false; `==` holds only for equal values
//   (null == null), and `!=` is its negation, so `amount != 5` holds when amount is missing;
// - and/or/not treat anything but true as false, so a condition is always true or false;
// - a value under an `unknown` type is converted to the type it meets (compared with a date, an ISO
//   string is read as a date).
import { lookupFunction, type EvalContext } from "./functions";
import { isValidTimeZone } from "./temporal";
import { containsUnknown } from "./type-rules";
import type { BinaryOperator, Type, TypedExpr, Value } from "./types";
import { compareValues, coerceToType, readPath, valuesEqual } from "./values";

export type EvaluateOptions = {
  /** The instant `now()` and `today()` see; defaults to the current time (inject it in tests). */
  now?: Date;
  /** IANA zone for `today()`; defaults to UTC; an unknown zone falls back to UTC. */
  timeZone?: string;
};

export type EvalState = EvalContext & {
  data: unknown;
  /** When set, every node's value is recorded and and/or evaluate all operands (for explanations). */
  trace?: Map<TypedExpr, Value>;
};

/** The evaluation context for the options, with defaults applied and the time zone validated. */
export function contextFor(options: EvaluateOptions = {}): EvalContext {
  const timeZone = options.timeZone && options.timeZone !== "UTC" && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC";
  return { now: options.now instanceof Date ? options.now : new Date(), timeZone };
}

// Converts a value whose static type is unknown to the type it is compared or combined with.
function align(value: Value, own: Type, other: Type): Value {
  return own.kind === "unknown" && other.kind !== "unknown" && other.kind !== "null" ? coerceToType(value, other) : value;
}

function isMember(needle: Value, needleType: Type, haystack: Value, haystackType: Type): boolean {
  if (!Array.isArray(haystack)) return false;
  const element = haystackType.kind === "list" ? haystackType.element : haystackType;
  const target = align(needle, needleType, element);
  const convertItems = containsUnknown(element) && !containsUnknown(needleType) && needleType.kind !== "null";
  return haystack.some((item: Value) => valuesEqual(target, convertItems ? coerceToType(item, needleType) : item));
}

function arithmetic(op: BinaryOperator, node: TypedExpr & { kind: "binary" }, left: Value, right: Value): Value {
  const concatenate = node.type.kind === "string" || (node.type.kind === "unknown" && typeof left === "string" && typeof right === "string");
  if (concatenate) {
    const [a, b] = [align(left, node.left.type, node.type), align(right, node.right.type, node.type)];
    return typeof a === "string" && typeof b === "string" ? a + b : null;
  }
  const a = align(left, node.left.type, { kind: "number" });
  const b = align(right, node.right.type, { kind: "number" });
  if (typeof a !== "number" || typeof b !== "number") return null;
  let result: number;
  switch (op) {
    case "+":
      result = a + b;
      break;
    case "-":
      result = a - b;
      break;
    case "*":
      result = a * b;
      break;
    case "/":
      result = b === 0 ? NaN : a / b;
      break;
    default:
      result = b === 0 ? NaN : a % b;
  }
  return Number.isFinite(result) ? result : null;
}

function evaluateBinary(node: TypedExpr & { kind: "binary" }, state: EvalState): Value {
  const left = evaluateNode(node.left, state);
  const right = evaluateNode(node.right, state);
  const { op } = node;
  switch (op) {
    case "==":
    case "!=": {
      const equal = valuesEqual(align(left, node.left.type, node.right.type), align(right, node.right.type, node.left.type));
      return op === "==" ? equal : !equal;
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const order = compareValues(align(left, node.left.type, node.right.type), align(right, node.right.type, node.left.type));
      if (order === null) return false;
      return op === "<" ? order < 0 : op === "<=" ? order <= 0 : op === ">" ? order > 0 : order >= 0;
    }
    case "in":
      return isMember(left, node.left.type, right, node.right.type);
    case "contains":
      if (typeof left === "string") {
        const needle = align(right, node.right.type, { kind: "string" });
        return typeof needle === "string" && left.includes(needle);
      }
      return isMember(right, node.right.type, left, node.left.type);
    default:
      return arithmetic(op, node, left, right);
  }
}

function evaluateInner(node: TypedExpr, state: EvalState): Value {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "list":
      return node.items.map((item) => evaluateNode(item, state));
    case "field":
      return coerceToType(readPath(state.data, node.path), node.type);
    case "not":
      return evaluateNode(node.operand, state) !== true;
    case "negate": {
      const value = align(evaluateNode(node.operand, state), node.operand.type, node.type);
      return typeof value === "number" ? -value : null;
    }
    case "logical": {
      // and: true only if every operand is true; or: true if any is. null counts as false.
      const isAnd = node.op === "and";
      let result = isAnd;
      for (const operand of node.operands) {
        const isTrue = evaluateNode(operand, state) === true;
        if (isAnd ? isTrue : !isTrue) continue;
        result = !isAnd;
        if (!state.trace) break;
      }
      return result;
    }
    case "binary":
      return evaluateBinary(node, state);
    case "call": {
      const spec = lookupFunction(node.name);
      if (!spec) return null;
      const args = node.args.map((arg, index) => {
        const value = evaluateNode(arg, state);
        const coerce = spec.params[index]?.coerce;
        return coerce && containsUnknown(arg.type) ? coerceToType(value, coerce) : value;
      });
      return spec.impl(args, state) ?? null;
    }
  }
}

/** Evaluates one node; total for every AST the checker accepted and any data. */
export function evaluateNode(node: TypedExpr, state: EvalState): Value {
  const value = evaluateInner(node, state);
  state.trace?.set(node, value);
  return value;
}

/**
 * Evaluates a checked AST over `data`. Never throws: the evaluator is total on plain data, and the
 * catch covers exotic inputs (proxies whose traps throw) so a bad payload cannot break a flow.
 */
export function evaluate(ast: TypedExpr, data: unknown, options: EvaluateOptions = {}): Value {
  try {
    const { now, timeZone } = contextFor(options);
    // Built literally: a spread-built state object made every property read on it several times slower.
    return evaluateNode(ast, { now, timeZone, data, trace: undefined });
  } catch {
    return null;
  }
}
