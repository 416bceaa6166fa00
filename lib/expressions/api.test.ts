import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCondition, compileCondition, compileExpression, evaluateCondition, parseExpression } from "@/lib/expressions/api";
import { formatExplanation } from "@/lib/expressions/explain";
import { FUNCTIONS } from "@/lib/expressions/functions";
import { t, type TypeEnv, type Value } from "@/lib/expressions/types";

// The seed's expense form: employee_name (text), amount (currency), category (dropdown).
const expenseEnv: TypeEnv = {
  employee_name: t.string,
  amount: t.number,
  category: t.options([
    { value: "travel", label: "Travel" },
    { value: "office_supplies", label: "Office Supplies" },
    { value: "equipment", label: "Equipment" },
  ]),
  "initiator.department": t.string,
};

describe("compileCondition", () => {
  it("runs the seed's branch and trigger conditions", () => {
    const finance = compileCondition("amount >= 1000", expenseEnv);
    const alert = compileCondition("amount > 10000", expenseEnv);
    if (!finance.ok || !alert.ok) throw new Error("seed conditions must compile");
    expect([finance.evaluate({ amount: 999.99 }), finance.evaluate({ amount: "1000.00" }), finance.evaluate({})]).toEqual([false, true, false]);
    expect(alert.evaluate({ amount: 12000 })).toBe(true);
    expect(formatExplanation(alert.explain({ amount: 12000 }))).toBe("amount (12000) > 10000 → true");
  });

  it("returns diagnostics with positions instead of an evaluator", () => {
    expect(compileCondition('category == "Travel" and amout > 5', expenseEnv)).toEqual({
      ok: false,
      diagnostics: [
        { message: '"Travel" is the label of an option of "category"; compare with its value "travel"', start: 12, end: 20 },
        { message: 'Unknown field "amout" (did you mean "amount"?)', start: 25, end: 30 },
      ],
    });
  });

  it("accepts only text as source", () => {
    expect(parseExpression(42 as unknown as string)).toEqual({ ok: false, diagnostics: [{ message: "An expression must be text", start: 0, end: 0 }] });
  });
});

describe("compileExpression (calculated fields)", () => {
  it("computes quantity * unitPrice and checks it against the field's type", () => {
    const env = { quantity: t.number, unitPrice: t.number };
    const total = compileExpression("round(quantity * unitPrice, 2)", env, { expected: t.number });
    expect(total.ok && total.evaluate({ quantity: 3, unitPrice: "19.99" })).toBe(59.97);
    expect(total.ok && total.evaluate({ quantity: 3 })).toBeNull();
    const wrong = compileExpression("quantity > 1", env, { expected: t.number });
    expect(!wrong.ok && wrong.diagnostics[0].message).toBe("Expected number, got boolean");
  });
});

describe("evaluateCondition", () => {
  it("is true only for exactly true", () => {
    const checked = checkCondition("initiator.department == 'Finance'", expenseEnv);
    if (!checked.ok) throw new Error("must check");
    expect(evaluateCondition(checked.ast, { initiator: { department: "Finance" } })).toBe(true);
    expect(evaluateCondition(checked.ast, { initiator: "Finance" })).toBe(false);
  });
});

describe("function registry", { timeout: 60_000 }, () => {
  const value: fc.Arbitrary<Value> = fc.oneof(
    fc.constant(null),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.date(),
    fc.array(fc.oneof(fc.constant(null), fc.double(), fc.string(), fc.date()), { maxLength: 4 }),
    fc.dictionary(fc.string(), fc.jsonValue()),
  );

  it("every implementation is total, whatever it is given", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(FUNCTIONS)), fc.array(value, { maxLength: 3 }), fc.date(), (name, args, now) => {
        const result = FUNCTIONS[name].impl(args, { now, timeZone: "Europe/Paris" });
        expect(result).not.toBeUndefined();
        if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
        if (result instanceof Date) expect(Number.isNaN(result.getTime())).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("documents every function", () => {
    for (const [name, spec] of Object.entries(FUNCTIONS)) {
      expect(spec.summary.length, name).toBeGreaterThan(0);
      expect(name).toMatch(/^[a-z_]+$/);
    }
  });
});
