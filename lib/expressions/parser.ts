/*
 * Parser for the Flowright expression language. Grammar (lowest precedence first):
 *
 *   expression     := or
 *   or             := and (("or" | "||") and)*                      n-ary node
 *   and            := not (("and" | "&&") not)*                     n-ary node
 *   not            := ("not" | "!") not | comparison                 `not a == b` is `not (a == b)`
 *   comparison     := additive [compare_op additive]                 not chainable: `a < b < c` is an error
 *   compare_op     := "==" | "=" | "!=" | "<" | "<=" | ">" | ">="
 *                   | "in" | "not" "in" | "contains" | "not" "contains"
 *   additive       := multiplicative (("+" | "-") multiplicative)*   left-associative
 *   multiplicative := unary (("*" | "/" | "%") unary)*               left-associative
 *   unary          := "-" unary | primary                            `-` before a number is a negative literal
 *   primary        := NUMBER | STRING | "true" | "false" | "null"
 *                   | "[" [expression ("," expression)*] "]"          list
 *                   | NAME "(" [expression ("," expression)*] ")"     function call
 *                   | segment ("." segment)*                          field path
 *                   | "(" expression ")"
 *   segment        := NAME | "`" any text, \` and \\ escaped "`"      `Total (USD)`, payload.`order id`
 *
 *   NUMBER  1000  12.5  1_000  1e6          STRING  "a\"b"  'it\'s'  escapes \n \t \r \0 \\ \uXXXX \u{X…}
 *   Keywords (and or not in contains true false null) are case-insensitive; backtick a field named like one.
 *   `a not in b` / `a not contains b` mean `not (a in b)` / `not (a contains b)`.
 *   Dates are written with functions: date("2026-01-31"), datetime("2026-01-31T10:00:00Z").
 *
 * Limits (DEFAULT_LIMITS): source length, nesting of brackets/calls/prefix operators, AST depth and list
 * size are checked while parsing and reported as diagnostics, so hostile input cannot overflow the stack.
 */
import { depthExceeds } from "./ast";
import { tokenize, type Keyword, type Punct, type Token } from "./lexer";
import { DEFAULT_LIMITS, type BinaryOperator, type Diagnostic, type Expr, type Limits, type Result } from "./types";

class ParseError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

const COMPARISON: Partial<Record<Punct, BinaryOperator>> = { "==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

function describe(token: Token): string {
  switch (token.kind) {
    case "eof":
      return "the end of the expression";
    case "number":
      return `number ${token.value}`;
    case "string":
      return "a string";
    case "name":
      return `"${token.value}"`;
    default:
      return `"${token.value}"`;
  }
}

class Parser {
  private index = 0;
  private nesting = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly limits: Limits,
  ) {}

  parseAll(): Expr {
    const expr = this.parseOr();
    const next = this.peek();
    if (next.kind !== "eof") {
      const hint = next.kind === "name" || next.kind === "string" || next.kind === "number" ? ' (missing an operator such as "and"?)' : "";
      this.fail(`Unexpected ${describe(next)}${hint}`, next);
    }
    return expr;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }
  private next(): Token {
    const token = this.peek();
    if (token.kind !== "eof") this.index += 1;
    return token;
  }
  private isPunct(value: Punct, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "punct" && token.value === value;
  }
  private isKeyword(value: Keyword, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "keyword" && token.value === value;
  }
  private fail(message: string, at: { start: number; end: number }): never {
    throw new ParseError({ message, start: at.start, end: Math.max(at.end, at.start) });
  }
  private expectPunct(value: Punct, opener: Token): Token {
    if (this.isPunct(value)) return this.next();
    const found = this.peek();
    this.fail(`Expected "${value}" to close "${(opener as { value: string }).value}" at ${opener.start}, found ${describe(found)}`, found);
  }
  private enter(at: Token): void {
    this.nesting += 1;
    if (this.nesting > this.limits.maxNesting) this.fail(`Expression is nested too deeply (limit ${this.limits.maxNesting})`, at);
  }
  private leave(): void {
    this.nesting -= 1;
  }

  private parseLogical(op: "or" | "and", keyword: Keyword, symbol: Punct, parseOperand: () => Expr): Expr {
    const first = parseOperand();
    const operands = [first];
    while (this.isKeyword(keyword) || this.isPunct(symbol)) {
      this.next();
      operands.push(parseOperand());
    }
    if (operands.length === 1) return first;
    return { kind: "logical", op, operands, start: first.start, end: operands[operands.length - 1].end };
  }
  private parseOr(): Expr {
    return this.parseLogical("or", "or", "||", () => this.parseAnd());
  }
  private parseAnd(): Expr {
    return this.parseLogical("and", "and", "&&", () => this.parseNot());
  }

  private parseNot(): Expr {
    const token = this.peek();
    if (!this.isKeyword("not") && !this.isPunct("!")) return this.parseComparison();
    this.next();
    this.enter(token);
    const operand = this.parseNot();
    this.leave();
    return { kind: "not", operand, start: token.start, end: operand.end };
  }

  // Reads a comparison operator if one is next; `negated` marks `not in` / `not contains`.
  private readComparison(): { op: BinaryOperator; negated: boolean } | null {
    const token = this.peek();
    if (token.kind === "punct" && COMPARISON[token.value]) return { op: COMPARISON[token.value]!, negated: false };
    if (token.kind === "keyword" && (token.value === "in" || token.value === "contains")) return { op: token.value, negated: false };
    if (this.isKeyword("not") && (this.isKeyword("in", 1) || this.isKeyword("contains", 1))) {
      const op = (this.peek(1) as { value: "in" | "contains" }).value;
      return { op, negated: true };
    }
    return null;
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const comparison = this.readComparison();
    if (!comparison) return left;
    this.next();
    if (comparison.negated) this.next();
    const right = this.parseAdditive();
    const binary: Expr = { kind: "binary", op: comparison.op, left, right, start: left.start, end: right.end };
    const chained = this.readComparison();
    if (chained) this.fail('Comparisons cannot be chained; combine them with "and"', this.peek());
    return comparison.negated ? { kind: "not", operand: binary, start: left.start, end: right.end } : binary;
  }

  private parseBinaryChain(ops: readonly Punct[], parseOperand: () => Expr): Expr {
    let left = parseOperand();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "punct" || !ops.includes(token.value)) return left;
      this.next();
      const right = parseOperand();
      left = { kind: "binary", op: token.value as BinaryOperator, left, right, start: left.start, end: right.end };
    }
  }
  private parseAdditive(): Expr {
    return this.parseBinaryChain(["+", "-"], () => this.parseMultiplicative());
  }
  private parseMultiplicative(): Expr {
    return this.parseBinaryChain(["*", "/", "%"], () => this.parseUnary());
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (!this.isPunct("-")) return this.parsePrimary();
    this.next();
    const after = this.peek();
    if (after.kind === "number") {
      this.next();
      return { kind: "literal", value: -after.value, start: token.start, end: after.end };
    }
    this.enter(token);
    const operand = this.parseUnary();
    this.leave();
    return { kind: "negate", operand, start: token.start, end: operand.end };
  }

  private parseList(open: Token, close: Punct): Expr[] {
    this.enter(open);
    const items: Expr[] = [];
    if (!this.isPunct(close)) {
      do {
        if (items.length === this.limits.maxListItems) this.fail(`Too many items (limit ${this.limits.maxListItems})`, this.peek());
        items.push(this.parseOr());
      } while (this.isPunct(",") && this.next());
    }
    this.expectPunct(close, open);
    this.leave();
    return items;
  }

  private parsePrimary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case "number":
      case "string":
        return { kind: "literal", value: token.value, start: token.start, end: token.end };
      case "keyword":
        if (token.value === "true" || token.value === "false") return { kind: "literal", value: token.value === "true", start: token.start, end: token.end };
        if (token.value === "null") return { kind: "literal", value: null, start: token.start, end: token.end };
        return this.fail(`Expected a value, found "${token.value}"`, token);
      case "name":
        return this.parseNameOrCall(token);
      case "punct":
        if (token.value === "(") {
          this.enter(token);
          const inner = this.parseOr();
          const close = this.expectPunct(")", token);
          this.leave();
          // The span covers the parentheses so diagnostics underline what the user wrote.
          return { ...inner, start: token.start, end: close.end };
        }
        if (token.value === "[") {
          const items = this.parseList(token, "]");
          return { kind: "list", items, start: token.start, end: this.tokens[this.index - 1].end };
        }
        return this.fail(`Expected a value, found "${token.value}"`, token);
      case "eof":
        return this.fail("Unexpected end of expression: a value is missing", token);
    }
  }

  private parseNameOrCall(first: Token & { kind: "name" }): Expr {
    if (!first.quoted && this.isPunct("(")) {
      const open = this.next();
      const args = this.parseList(open, ")");
      return { kind: "call", name: first.value, args, start: first.start, end: this.tokens[this.index - 1].end };
    }
    const path = [first.value];
    let end = first.end;
    while (this.isPunct(".")) {
      this.next();
      const segment = this.next();
      if (segment.kind !== "name") this.fail(`Expected a field name after ".", found ${describe(segment)}`, segment);
      path.push(segment.value);
      end = segment.end;
    }
    if (this.isPunct("(")) this.fail("Only functions can be called; a field path cannot be followed by (", this.peek());
    return { kind: "field", path, start: first.start, end };
  }
}

/** Parses source text into an AST, or diagnostics with character offsets; never throws. */
export function parse(source: string, limits: Limits = DEFAULT_LIMITS): Result<{ ast: Expr }> {
  if (source.length > limits.maxLength) {
    return { ok: false, diagnostics: [{ message: `Expression is too long (${source.length} characters, limit ${limits.maxLength})`, start: limits.maxLength, end: source.length }] };
  }
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  try {
    const ast = new Parser(lexed.tokens, limits).parseAll();
    if (depthExceeds(ast, limits.maxDepth)) {
      return { ok: false, diagnostics: [{ message: `Expression is nested too deeply (limit ${limits.maxDepth} levels)`, start: ast.start, end: ast.end }] };
    }
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, diagnostics: [error.diagnostic] };
    throw error;
  }
}
