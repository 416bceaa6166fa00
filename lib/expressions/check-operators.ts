// Typing rules for binary operators, and the option-set check for dropdown fields. Each rule returns
// the result type and the problems found; the checker attaches positions.
import { suggest } from "./suggest";
import { toText } from "./to-text";
import { isEquatable, isNumberLike, isOrderable, isTextLike, typeToString } from "./type-rules";
import { parseDate } from "./temporal";
import { t, type BinaryOperator, type Type, type TypedExpr } from "./types";

export type Problem = { message: string; node: TypedExpr };
type OptionsType = Extract<Type, { kind: "options" }>;

const MAX_LISTED_OPTIONS = 20;

/** Why `value` is not a valid option of `type`, or null when it is. */
export function optionProblem(value: string, type: OptionsType, subject: string): string | null {
  if (type.options.some((option) => option.value === value)) return null;
  const byLabel = type.options.find((option) => option.label !== undefined && option.label.toLowerCase() === value.toLowerCase());
  if (byLabel) return `"${value}" is the label of an option of ${subject}; compare with its value "${byLabel.value}"`;
  const listed = type.options
    .slice(0, MAX_LISTED_OPTIONS)
    .map((option) => (option.label && option.label !== option.value ? `${option.value} (${option.label})` : option.value));
  if (type.options.length > MAX_LISTED_OPTIONS) listed.push(`… ${type.options.length - MAX_LISTED_OPTIONS} more`);
  const close = suggest(value, type.options.map((option) => option.value));
  return `"${value}" is not one of the options of ${subject}: ${listed.join(", ")}${close ? ` (did you mean "${close}"?)` : ""}`;
}

const subjectOf = (node: TypedExpr) => `"${toText(node)}"`;

// Checks string literals in `candidates` against the option set of `subject` (when it has one).
function checkOptionLiterals(subject: TypedExpr, optionsType: Type, candidates: readonly TypedExpr[], problems: Problem[]): void {
  if (optionsType.kind !== "options") return;
  for (const candidate of candidates) {
    if (candidate.kind !== "literal" || typeof candidate.value !== "string") continue;
    const message = optionProblem(candidate.value, optionsType, subjectOf(subject));
    if (message) problems.push({ message, node: candidate });
  }
}

const listItems = (node: TypedExpr) => (node.kind === "list" ? node.items : []);

function cannotCompare(left: TypedExpr, right: TypedExpr): string {
  const base = `Cannot compare ${typeToString(left.type)} with ${typeToString(right.type)}`;
  const literal = [left, right].find((node) => node.kind === "literal" && typeof node.value === "string" && parseDate(node.value));
  const temporal = [left, right].some((node) => node.type.kind === "date" || node.type.kind === "datetime");
  return literal && temporal && literal.kind === "literal" ? `${base}; write date("${literal.value}")` : base;
}

function checkComparison(op: BinaryOperator, left: TypedExpr, right: TypedExpr, problems: Problem[]): void {
  const [l, r] = [left.type, right.type];
  if (op === "==" || op === "!=") {
    if (!isEquatable(l, r)) problems.push({ message: cannotCompare(left, right), node: right });
    checkOptionLiterals(left, l, [right], problems);
    checkOptionLiterals(right, r, [left], problems);
    return;
  }
  if (op === "in") {
    if (r.kind === "list") {
      if (!isEquatable(l, r.element)) problems.push({ message: `Cannot look for ${typeToString(l)} in a list of ${typeToString(r.element)}`, node: left });
      checkOptionLiterals(left, l, listItems(right), problems);
      checkOptionLiterals(right, r.element, [left], problems);
    } else if (r.kind !== "unknown") {
      const hint = isTextLike(r) ? ' (use "contains" to search text)' : "";
      problems.push({ message: `Operator "in" needs a list on the right, got ${typeToString(r)}${hint}`, node: right });
    }
    return;
  }
  if (op === "contains") {
    if (l.kind === "unknown") return;
    if (l.kind === "list") {
      if (!isEquatable(l.element, r)) problems.push({ message: `Cannot look for ${typeToString(r)} in a list of ${typeToString(l.element)}`, node: right });
      checkOptionLiterals(left, l.element, [right], problems);
    } else if (isTextLike(l)) {
      if (!isTextLike(r)) problems.push({ message: `Operator "contains" needs text on the right, got ${typeToString(r)}`, node: right });
    } else {
      problems.push({ message: `Operator "contains" needs text or a list on the left, got ${typeToString(l)}`, node: left });
    }
    return;
  }
  // Ordering: <, <=, >, >=
  if (l.kind === "null" || r.kind === "null") {
    problems.push({ message: `Operator "${op}" cannot be used with null (use == null)`, node: l.kind === "null" ? left : right });
  } else if (!isOrderable(l, r)) {
    const message = l.kind === r.kind ? `Operator "${op}" cannot order ${typeToString(l)} values` : cannotCompare(left, right);
    problems.push({ message, node: right });
  }
}

function checkArithmetic(op: BinaryOperator, left: TypedExpr, right: TypedExpr, problems: Problem[]): Type {
  const [l, r] = [left.type, right.type];
  if (isNumberLike(l) && isNumberLike(r)) return l.kind === "unknown" && r.kind === "unknown" && op === "+" ? t.unknown : t.number;
  if (op === "+" && isTextLike(l) && isTextLike(r)) return t.string;
  const temporal = [l, r].some((type) => type.kind === "date" || type.kind === "datetime");
  const hint = temporal && (op === "+" || op === "-") ? " (use add_days or days_between for dates)" : "";
  const wanted = op === "+" ? "two numbers or two texts" : "number operands";
  problems.push({ message: `Operator "${op}" needs ${wanted}, got ${typeToString(l)} and ${typeToString(r)}${hint}`, node: isNumberLike(l) ? right : left });
  return op === "+" && (isTextLike(l) || isTextLike(r)) ? t.string : t.number;
}

/** The type of `left op right`, pushing any problems. */
export function checkBinary(op: BinaryOperator, left: TypedExpr, right: TypedExpr, problems: Problem[]): Type {
  if (op === "+" || op === "-" || op === "*" || op === "/" || op === "%") return checkArithmetic(op, left, right, problems);
  checkComparison(op, left, right, problems);
  return t.boolean;
}
