// Type checker: an AST plus a typed environment → a typed AST, or every problem found with its
// position. A node with an error gets a neutral type so one mistake does not cascade into many.
import { depthExceeds, pathKey } from "./ast";
import { checkBinary, type Problem } from "./check-operators";
import { lookupFunction, FUNCTIONS } from "./functions";
import { suggest } from "./suggest";
import { isAssignable, isBooleanLike, isNumberLike, typeToString, unify } from "./type-rules";
import { DEFAULT_LIMITS, t, type Diagnostic, type Expr, type Limits, type Result, type Type, type TypeEnv, type TypedExpr } from "./types";

export type CheckOptions = {
  /** The type the whole expression must have: boolean for conditions, the field's type for calculations. */
  expected?: Type;
  limits?: Limits;
};

type FieldLookup = { type: Type } | { message: string };

/** Resolves a field path against the environment, with a suggestion when it is unknown. */
export function resolveField(path: readonly string[], env: TypeEnv): FieldLookup {
  const key = pathKey(path);
  if (Object.hasOwn(env, key)) return { type: env[key] };
  for (let length = path.length - 1; length > 0; length--) {
    const prefix = pathKey(path.slice(0, length));
    if (!Object.hasOwn(env, prefix)) continue;
    const type = env[prefix];
    if (type.kind === "unknown") return { type: t.unknown };
    return { message: `Unknown field "${key}": "${prefix}" is a ${typeToString(type)} and has no fields` };
  }
  const children = Object.keys(env).filter((candidate) => candidate.startsWith(`${key}.`));
  if (children.length > 0) {
    const shown = children.slice(0, 5).join(", ");
    return { message: `"${key}" is a group of fields; use one of them: ${shown}${children.length > 5 ? ", …" : ""}` };
  }
  const close = suggest(key, Object.keys(env));
  return { message: `Unknown field "${key}"${close ? ` (did you mean "${close}"?)` : ""}` };
}

// Names people bring from spreadsheets and SQL, so "length(x)" suggests "len".
const FUNCTION_ALIASES: Readonly<Record<string, string>> = {
  length: "len", size: "len", count: "len", lowercase: "lower", uppercase: "upper", isempty: "is_empty", isnull: "is_empty",
  datediff: "days_between", ifnull: "coalesce", nvl: "coalesce", total: "sum", dateadd: "add_days",
};

function suggestFunction(name: string): string | null {
  const direct = suggest(name, Object.keys(FUNCTIONS));
  if (direct) return direct;
  const alias = suggest(name, Object.keys(FUNCTION_ALIASES));
  return alias ? FUNCTION_ALIASES[alias] : null;
}

function arityText(min: number, max: number): string {
  if (max === 0) return "no arguments";
  if (min === max) return `${min} argument${min === 1 ? "" : "s"}`;
  return `${min} to ${max} arguments`;
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly env: TypeEnv,
    private readonly limits: Limits,
  ) {}

  private report(message: string, at: { start: number; end: number }): void {
    this.diagnostics.push({ message, start: at.start, end: at.end });
  }

  check(node: Expr): TypedExpr {
    // Nodes are built with explicit start/end: spreading a span object made them ~10× slower in V8.
    const { start, end } = node;
    switch (node.kind) {
      case "literal": {
        const { value } = node;
        if (typeof value === "number" && !Number.isFinite(value)) this.report("Numbers must be finite", node);
        const type = value === null ? t.null : typeof value === "number" ? t.number : typeof value === "string" ? t.string : t.boolean;
        return { kind: "literal", value, type, start, end };
      }
      case "field": {
        const found = resolveField(node.path, this.env);
        if ("message" in found) this.report(found.message, node);
        return { kind: "field", path: node.path, type: "type" in found ? found.type : t.unknown, start, end };
      }
      case "list":
        return this.checkList(node);
      case "not": {
        const operand = this.check(node.operand);
        if (!isBooleanLike(operand.type)) this.report(`Operator "not" needs a boolean operand, got ${typeToString(operand.type)}`, operand);
        return { kind: "not", operand, type: t.boolean, start, end };
      }
      case "negate": {
        const operand = this.check(node.operand);
        if (!isNumberLike(operand.type)) this.report(`Operator "-" needs a number operand, got ${typeToString(operand.type)}`, operand);
        return { kind: "negate", operand, type: t.number, start, end };
      }
      case "logical": {
        const operands = node.operands.map((operand) => this.check(operand));
        for (const operand of operands) {
          if (!isBooleanLike(operand.type)) this.report(`Operator "${node.op}" needs boolean operands, got ${typeToString(operand.type)}`, operand);
        }
        return { kind: "logical", op: node.op, operands, type: t.boolean, start, end };
      }
      case "binary": {
        const left = this.check(node.left);
        const right = this.check(node.right);
        const problems: Problem[] = [];
        const type = checkBinary(node.op, left, right, problems);
        for (const problem of problems) this.report(problem.message, problem.node);
        return { kind: "binary", op: node.op, left, right, type, start, end };
      }
      case "call":
        return this.checkCall(node);
    }
  }

  private checkList(node: Extract<Expr, { kind: "list" }>): TypedExpr {
    if (node.items.length > this.limits.maxListItems) this.report(`Too many items (limit ${this.limits.maxListItems})`, node);
    const items = node.items.map((item) => this.check(item));
    let element: Type = items.length === 0 ? t.unknown : t.null;
    for (const [index, item] of items.entries()) {
      const merged = unify(element, item.type);
      if (merged) {
        element = merged;
        continue;
      }
      this.report(`List items must have one type: item ${index + 1} is ${typeToString(item.type)}, the ones before are ${typeToString(element)}`, item);
      element = t.unknown;
      break;
    }
    return { kind: "list", items, type: t.list(element), start: node.start, end: node.end };
  }

  private checkCall(node: Extract<Expr, { kind: "call" }>): TypedExpr {
    const args = node.args.map((arg) => this.check(arg));
    const spec = lookupFunction(node.name);
    const nameSpan = { start: node.start, end: node.start + node.name.length };
    if (!spec) {
      const close = suggestFunction(node.name);
      this.report(`Unknown function "${node.name}"${close ? ` (did you mean "${close}"?)` : ""}`, nameSpan);
      return { kind: "call", name: node.name, args, type: t.unknown, start: node.start, end: node.end };
    }
    const min = spec.params.filter((param) => !param.optional).length;
    const max = spec.params.length;
    let isValid = true;
    if (args.length < min || args.length > max) {
      this.report(`Function "${node.name}" takes ${arityText(min, max)}, got ${args.length}`, node);
      isValid = false;
    }
    for (const [index, arg] of args.slice(0, max).entries()) {
      const param = spec.params[index];
      if (param.accepts(arg.type)) continue;
      this.report(`Argument ${index + 1} (${param.name}) of "${node.name}" must be ${param.expects}, got ${typeToString(arg.type)}`, arg);
      isValid = false;
    }
    const problem = isValid && spec.check ? spec.check(args) : null;
    if (problem) this.report(problem.message, problem.arg !== undefined ? args[problem.arg] : node);
    const argTypes = args.map((arg) => arg.type);
    const type = typeof spec.returns === "function" ? (isValid ? spec.returns(argTypes) : t.unknown) : spec.returns;
    return { kind: "call", name: node.name, args, type, start: node.start, end: node.end };
  }
}

function expectationProblem(actual: Type, expected: Type): string | null {
  if (expected.kind === "boolean") {
    return isBooleanLike(actual) ? null : `A condition must be true or false, but this expression gives ${typeToString(actual)}`;
  }
  return isAssignable(actual, expected) ? null : `Expected ${typeToString(expected)}, got ${typeToString(actual)}`;
}

/** Type-checks an AST against the environment; never throws, reports every problem found. */
export function checkAst(ast: Expr, env: TypeEnv, options: CheckOptions = {}): Result<{ ast: TypedExpr; type: Type }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (depthExceeds(ast, limits.maxDepth)) {
    return { ok: false, diagnostics: [{ message: `Expression is nested too deeply (limit ${limits.maxDepth} levels)`, start: ast.start, end: ast.end }] };
  }
  const checker = new Checker(env, limits);
  const typed = checker.check(ast);
  if (checker.diagnostics.length === 0 && options.expected) {
    const problem = expectationProblem(typed.type, options.expected);
    if (problem) checker.diagnostics.push({ message: problem, start: typed.start, end: typed.end });
  }
  if (checker.diagnostics.length > 0) return { ok: false, diagnostics: checker.diagnostics };
  return { ok: true, ast: typed, type: typed.type };
}
