import { describe, expect, it } from "vitest";
import { isBareName, tokenize, type Token } from "@/lib/expressions/lexer";

function values(source: string): unknown[] {
  const result = tokenize(source);
  if (!result.ok) throw new Error(result.diagnostics[0].message);
  return result.tokens.filter((token) => token.kind !== "eof").map((token: Token) => ("value" in token ? token.value : token.kind));
}

function error(source: string) {
  const result = tokenize(source);
  if (result.ok) throw new Error(`expected a lexical error for ${source}`);
  return result.diagnostics[0];
}

describe("tokenize", () => {
  it.each([
    ["1000", [1000]],
    ["12.5", [12.5]],
    ["1_000_000", [1_000_000]],
    ["1e3", [1000]],
    ["2.5E-2", [0.025]],
    ["1.7976931348623157e+308", [1.7976931348623157e308]],
  ])("reads the number %s", (source, expected) => {
    expect(values(source)).toEqual(expected);
  });

  it.each([
    [`"a\\"b"`, ['a"b']],
    [`'it\\'s'`, ["it's"]],
    [`"line\\nnext\\ttab\\\\"`, ["line\nnext\ttab\\"]],
    [`"\\u00e9\\u{1F600}"`, ["é😀"]],
    [`''`, [""]],
  ])("reads the string %s", (source, expected) => {
    expect(values(source)).toEqual(expected);
  });

  it("reads names, backticked names and case-insensitive keywords", () => {
    const result = tokenize("Amount AND `Total (USD)` or NOT été");
    expect(result.ok && result.tokens.map((token) => [token.kind, "value" in token ? token.value : null])).toEqual([
      ["name", "Amount"],
      ["keyword", "and"],
      ["name", "Total (USD)"],
      ["keyword", "or"],
      ["keyword", "not"],
      ["name", "été"],
      ["eof", null],
    ]);
  });

  it("reads = as == and the two-character operators greedily", () => {
    expect(values("a = 1 != 2 <= >= && || ! < >")).toEqual(["a", "==", 1, "!=", 2, "<=", ">=", "&&", "||", "!", "<", ">"]);
  });

  it("records offsets", () => {
    const result = tokenize("  amount >= 10");
    expect(result.ok && result.tokens.map((token) => [token.start, token.end])).toEqual([
      [2, 8],
      [9, 11],
      [12, 14],
      [14, 14],
    ]);
  });

  it.each([
    ["amount @ 5", 'Unexpected character "@"', 7],
    ['"open', "Unterminated string", 0],
    ["`open", "Unterminated quoted field name", 0],
    ['"\\q"', 'Unknown escape "\\q"', 1],
    ['"\\uZZ"', "Invalid \\u escape", 1],
    ["1__0", 'Invalid number "1__0"', 0],
    ["12abc", 'Invalid number "12a"', 0],
    ["1e999", "Number is too large", 0],
  ])("reports %s", (source, message, start) => {
    const diagnostic = error(source);
    expect(diagnostic.message).toContain(message);
    expect(diagnostic.start).toBe(start);
  });
});

describe("isBareName", () => {
  it.each([
    ["amount", true],
    ["employee_name", true],
    ["_x1", true],
    ["été", true],
    ["and", false],
    ["NULL", false],
    ["1st", false],
    ["Total (USD)", false],
    ["", false],
  ])("%s → %s", (name, expected) => {
    expect(isBareName(name)).toBe(expected);
  });
});
