import { describe, expect, it } from "vitest";
import { checkCondition, checkExpression } from "@/lib/expressions/api";
import { explain, formatExplanation } from "@/lib/expressions/explain";
import { t, type TypeEnv } from "@/lib/expressions/types";

const env: TypeEnv = {
  amount: t.number,
  category: t.options(["travel", "equipment"]),
  start: t.date,
  notes: t.string,
  urgent: t.boolean,
};

function lines(source: string, data: unknown): string {
  const checked = checkExpression(source, env);
  if (!checked.ok) throw new Error(checked.diagnostics[0].message);
  return formatExplanation(explain(checked.ast, data, { now: new Date("2026-03-10T00:00:00Z") }));
}

describe("explain", () => {
  it("shows a comparison with the value of its field", () => {
    expect(lines("amount >= 1000", { amount: 12000 })).toBe("amount (12000) >= 1000 → true");
  });

  it("shows every sub-condition of and/or groups, even past a short-circuit", () => {
    expect(lines('amount >= 1000 and (category == "travel" or start < date("2026-01-01"))', { amount: 500, category: "travel", start: "2025-12-24" })).toBe(
      [
        "all of → false",
        "  amount (500) >= 1000 → false",
        "  any of → true",
        '    category ("travel") == "travel" → true',
        '    start (2025-12-24) < date("2026-01-01") → true',
      ].join("\n"),
    );
  });

  it("shows negations, membership, function calls and computed operands", () => {
    expect(lines('not urgent and category not in ["equipment"] and is_empty(notes) and amount * 2 > 10', { urgent: false, category: "travel", amount: 4 })).toBe(
      [
        "all of → false",
        "  not → true",
        "    urgent → false",
        '  category ("travel") not in ["equipment"] → true',
        "  is_empty(notes (null)) → true",
        "  amount * 2 (8) > 10 → false",
      ].join("\n"),
    );
  });

  it("shows missing data as null", () => {
    expect(lines("amount > 5", {})).toBe("amount (null) > 5 → false");
  });

  it("explains non-boolean expressions too, with source and value fields", () => {
    const checked = checkExpression("days_between(start, today())", env);
    const explanation = checked.ok ? explain(checked.ast, { start: "2026-03-01" }, { now: new Date("2026-03-10T00:00:00Z") }) : null;
    expect(explanation).toEqual({
      source: "days_between(start, today())",
      text: "days_between(start (2026-03-01), today() (2026-03-10))",
      value: 9,
      display: "9",
      children: [],
    });
  });

  it("never throws, even for hostile data", () => {
    const checked = checkCondition("amount > 5", env);
    const hostile = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error("boom"); } });
    expect(checked.ok && explain(checked.ast, hostile).text).toBe("amount (null) > 5");
  });
});
