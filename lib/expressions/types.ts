// Shared vocabulary of the expression language: static types, the AST (parsed and typed),
// diagnostics, runtime values and limits. Types only plus tiny constructors — no logic.

export type OptionItem = { readonly value: string; readonly label?: string };

export type Type =
  | { readonly kind: "number" }
  | { readonly kind: "string" }
  | { readonly kind: "boolean" }
  | { readonly kind: "date" }
  | { readonly kind: "datetime" }
  | { readonly kind: "null" }
  // A value whose shape is not declared (webhook payloads): checks are deferred to run time.
  | { readonly kind: "unknown" }
  | { readonly kind: "list"; readonly element: Type }
  // A string restricted to a set of values (dropdown fields); literals are checked against it.
  | { readonly kind: "options"; readonly options: readonly OptionItem[] };

export type TypeKind = Type["kind"];

/** Constructors for types, e.g. `{ amount: t.number, category: t.options(["Travel", "Office"]) }`. */
export const t = {
  number: { kind: "number" },
  string: { kind: "string" },
  boolean: { kind: "boolean" },
  date: { kind: "date" },
  datetime: { kind: "datetime" },
  null: { kind: "null" },
  unknown: { kind: "unknown" },
  list: (element: Type): Type => ({ kind: "list", element }),
  options: (items: readonly (string | OptionItem)[]): Type => ({
    kind: "options",
    options: items.map((item) => (typeof item === "string" ? { value: item } : item)),
  }),
} as const satisfies Record<string, Type | ((...args: never[]) => Type)>;

/**
 * The fields an expression may read: a path ("amount", "initiator.department") to its type.
 * A path whose prefix is declared `unknown` (e.g. "payload") is readable and itself unknown.
 */
export type TypeEnv = Readonly<Record<string, Type>>;

export type Span = { start: number; end: number };

export type BinaryOperator = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "contains" | "+" | "-" | "*" | "/" | "%";
export type LogicalOperator = "and" | "or";
export type LiteralValue = number | string | boolean | null;

// One node shape for both stages: `Expr` is what the parser produces, `TypedExpr` is the same tree
// with a static type on every node, produced by the checker and consumed by the evaluator.
export type ExprOf<X> = X &
  (
    | { kind: "literal"; value: LiteralValue }
    | { kind: "list"; items: ExprOf<X>[] }
    | { kind: "field"; path: string[] }
    | { kind: "not"; operand: ExprOf<X> }
    | { kind: "negate"; operand: ExprOf<X> }
    // n-ary so that a long rule-builder group stays one flat node instead of a deep chain.
    | { kind: "logical"; op: LogicalOperator; operands: ExprOf<X>[] }
    | { kind: "binary"; op: BinaryOperator; left: ExprOf<X>; right: ExprOf<X> }
    | { kind: "call"; name: string; args: ExprOf<X>[] }
  );

export type Expr = ExprOf<Span>;
export type TypedExpr = ExprOf<Span & { type: Type }>;

export type Diagnostic = { message: string; start: number; end: number };

// Runtime values. Dates are JS Date objects (date: UTC midnight); which of date/datetime a value is
// comes from the static type. Objects only occur under `unknown` paths and are opaque.
export type Value = null | number | string | boolean | Date | readonly Value[] | OpaqueRecord;
export type OpaqueRecord = { readonly [key: string]: unknown };

export type Limits = {
  /** Longest accepted source text, in characters. */
  maxLength: number;
  /** Deepest nesting of parentheses, lists, calls and prefix operators while parsing. */
  maxNesting: number;
  /** Deepest AST accepted anywhere (bounds every recursive pass, including programmatic ASTs). */
  maxDepth: number;
  /** Most items in one list literal. */
  maxListItems: number;
};

export const DEFAULT_LIMITS: Limits = { maxLength: 4000, maxNesting: 64, maxDepth: 256, maxListItems: 1000 };

export type Result<T> = ({ ok: true } & T) | { ok: false; diagnostics: Diagnostic[] };
