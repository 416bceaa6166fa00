// Public entry points of the expression language: source text in, diagnostics or a ready-to-run
// expression out. Forms (show/hide/require, calculated fields), flow branches and triggers use these.
import { checkAst, type CheckOptions } from "./checker";
import { evaluate, type EvaluateOptions } from "./evaluate";
import { explain, type Explanation } from "./explain";
import { parse } from "./parser";
import { t, type Diagnostic, type Expr, type Limits, type Result, type Type, type TypeEnv, type TypedExpr, type Value } from "./types";

const notText = (): { ok: false; diagnostics: Diagnostic[] } => ({ ok: false, diagnostics: [{ message: "An expression must be text", start: 0, end: 0 }] });

/** Parses source text into an untyped AST. */
export function parseExpression(source: string, options: { limits?: Limits } = {}): Result<{ ast: Expr }> {
  if (typeof source !== "string") return notText();
  return parse(source, options.limits);
}

/** Parses and type-checks source against the fields in `env`; `expected` fixes the result type. */
export function checkExpression(source: string, env: TypeEnv, options: CheckOptions = {}): Result<{ ast: TypedExpr; type: Type }> {
  const parsed = parseExpression(source, options);
  return parsed.ok ? checkAst(parsed.ast, env, options) : parsed;
}

/** Like checkExpression, and the expression must be a condition (boolean). */
export function checkCondition(source: string, env: TypeEnv, options: Omit<CheckOptions, "expected"> = {}): Result<{ ast: TypedExpr; type: Type }> {
  return checkExpression(source, env, { ...options, expected: t.boolean });
}

/** Evaluates a checked AST over data; never throws (see evaluate.ts for the null rules). */
export function evaluateExpression(ast: TypedExpr, data: unknown, options: EvaluateOptions = {}): Value {
  return evaluate(ast, data, options);
}

/** Evaluates a checked condition: true only when the value is exactly true (null counts as false). */
export function evaluateCondition(ast: TypedExpr, data: unknown, options: EvaluateOptions = {}): boolean {
  return evaluate(ast, data, options) === true;
}

export type CompiledCondition = {
  ok: true;
  ast: TypedExpr;
  evaluate: (data: unknown, options?: EvaluateOptions) => boolean;
  explain: (data: unknown, options?: EvaluateOptions) => Explanation;
};

/** Checks a condition once and returns a reusable evaluator, or the diagnostics. */
export function compileCondition(source: string, env: TypeEnv, options: Omit<CheckOptions, "expected"> = {}): CompiledCondition | { ok: false; diagnostics: Diagnostic[] } {
  const checked = checkCondition(source, env, options);
  if (!checked.ok) return checked;
  const { ast } = checked;
  return {
    ok: true,
    ast,
    evaluate: (data, evaluateOptions) => evaluateCondition(ast, data, evaluateOptions),
    explain: (data, evaluateOptions) => explain(ast, data, evaluateOptions),
  };
}

export type CompiledExpression = {
  ok: true;
  ast: TypedExpr;
  type: Type;
  evaluate: (data: unknown, options?: EvaluateOptions) => Value;
};

/** Checks an expression (e.g. a calculated field, `expected` its type) once for repeated evaluation. */
export function compileExpression(source: string, env: TypeEnv, options: CheckOptions = {}): CompiledExpression | { ok: false; diagnostics: Diagnostic[] } {
  const checked = checkExpression(source, env, options);
  if (!checked.ok) return checked;
  const { ast, type } = checked;
  return { ok: true, ast, type, evaluate: (data, evaluateOptions) => evaluate(ast, data, evaluateOptions) };
}
