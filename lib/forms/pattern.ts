// Designer-written validation patterns. A pattern must match the whole value (like the HTML `pattern`
// attribute), so it is compiled as ^(?:pattern)$. Patterns run on every submission, on the server too,
// so the ones that can backtrack exponentially are refused when the form is saved.
//
// The check is a cheap structural heuristic, not a proof: it refuses a quantified group that itself
// contains a quantifier or an alternation (`(a+)+`, `(\w+\s?)*`, `(a|aa)+`, `(a*){2,}`) and
// backreferences. Linear-time patterns such as `^[A-Z]{2}-\d{4}$` or `(ab)+` pass. What slips
// through is further bounded by the length caps on every text value (at most 10,000 characters).
export const MAX_PATTERN_LENGTH = 500;

type Group = { hasQuantifier: boolean; hasAlternation: boolean };

/** Why the pattern is unsafe to run on user input, or null. Assumes the pattern compiles. */
function backtrackingProblem(pattern: string): string | null {
  const stack: Group[] = [{ hasQuantifier: false, hasAlternation: false }];
  let lastGroup: Group | null = null; // the group that just closed, if the previous token was ")"
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const top = stack[stack.length - 1];
    if (char === "\\") {
      const next = pattern[i + 1] ?? "";
      if (!inClass && /[1-9k]/.test(next)) return "Backreferences are not allowed in patterns";
      i += 1;
      lastGroup = null;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    if (char === "[") {
      inClass = true;
      lastGroup = null;
      continue;
    }
    if (char === "(") {
      stack.push({ hasQuantifier: false, hasAlternation: false });
      // Skip the group's prefix (?: (?= (?! (?<= (?<! (?<name> so its "?" is not read as a quantifier.
      const prefix = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i + 1, i + 40));
      if (prefix) i += prefix[0].length;
      lastGroup = null;
      continue;
    }
    if (char === ")") {
      lastGroup = stack.length > 1 ? stack.pop()! : null;
      continue;
    }
    if (char === "|") {
      top.hasAlternation = true;
      lastGroup = null;
      continue;
    }
    const quantifier = quantifierAt(pattern, i);
    if (quantifier) {
      if (lastGroup && quantifier.isRepeating && (lastGroup.hasQuantifier || lastGroup.hasAlternation)) {
        return "This pattern can take exponential time on some inputs (a repeated group containing a repetition or alternatives); simplify it";
      }
      if (quantifier.isRepeating || quantifier.isOptional) top.hasQuantifier = true;
      // A group's inner quantifiers make the enclosing group risky too.
      if (lastGroup?.hasQuantifier) top.hasQuantifier = true;
      i += quantifier.length - 1;
      lastGroup = null;
      continue;
    }
    if (lastGroup?.hasQuantifier) top.hasQuantifier = true;
    if (lastGroup?.hasAlternation) top.hasAlternation = true;
    lastGroup = null;
  }
  return null;
}

function quantifierAt(pattern: string, at: number): { length: number; isRepeating: boolean; isOptional: boolean } | null {
  const char = pattern[at];
  const lazy = pattern[at + 1] === "?" ? 1 : 0;
  if (char === "+" || char === "*") return { length: 1 + lazy, isRepeating: true, isOptional: char === "*" };
  if (char === "?") return { length: 1 + lazy, isRepeating: false, isOptional: true };
  if (char !== "{") return null;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
  if (!match) return null;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === "" ? Infinity : Number(match[3]);
  return { length: match[0].length + (pattern[at + match[0].length] === "?" ? 1 : 0), isRepeating: max > 1, isOptional: Number(match[1]) === 0 };
}

/** Why `pattern` cannot be used for validation, or null when it is fine. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `A pattern can be at most ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    return `Not a valid pattern: ${(error as Error).message.replace(/^Invalid regular expression: /, "")}`;
  }
  return backtrackingProblem(pattern);
}

/** The whole-value matcher for a pattern already accepted by `patternProblem`. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}
