import { describe, expect, it } from "vitest";
import { checkExpression, checkCondition } from "@/lib/expressions/api";
import { checkAst } from "@/lib/expressions/checker";
import { typeToString } from "@/lib/expressions/type-rules";
import { t, type Expr, type TypeEnv } from "@/lib/expressions/types";

const env: TypeEnv = {
  amount: t.number,
  quantity: t.number,
  unitPrice: t.number,
  employee_name: t.string,
  approved: t.boolean,
  start_date: t.date,
  end_date: t.date,
  submitted_at: t.datetime,
  category: t.options(["Travel", "Office Supplies", "Equipment"]),
  status: t.options([
    { value: "open", label: "Open" },
    { value: "in_review", label: "In review" },
  ]),
  tags: t.list(t.string),
  labels: t.list(t.options(["urgent", "later"])),
  "items.amount": t.list(t.number),
  "initiator.department": t.string,
  "initiator.name": t.string,
  payload: t.unknown,
  "Total (USD)": t.number,
};

function typeOf(source: string): string {
  const result = checkExpression(source, env);
  if (!result.ok) throw new Error(`${source}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return typeToString(result.type);
}

function problems(source: string) {
  const result = checkExpression(source, env);
  if (result.ok) throw new Error(`expected diagnostics for ${source}`);
  return result.diagnostics;
}

describe("checkExpression: result types", () => {
  it.each([
    ["quantity * unitPrice", "number"],
    ["amount >= 1000", "boolean"],
    ["employee_name + ' (' + initiator.department + ')'", "string"],
    ["start_date < end_date", "boolean"],
    ["start_date < submitted_at", "boolean"],
    ["days_between(start_date, end_date) + 1", "number"],
    ["add_days(start_date, 7)", "date"],
    ["add_days(submitted_at, 1)", "datetime"],
    ["sum(items.amount)", "number"],
    ["[1, 2, null]", "list<number>"],
    ["[]", "list<unknown>"],
    ["[date('2026-01-01'), datetime('2026-01-01T10:00:00Z')]", "list<datetime>"],
    ["coalesce(amount, 0)", "number"],
    ["coalesce(category, 'none')", "string"],
    ["coalesce(payload.total, 0)", "unknown"],
    ["payload.order.total", "unknown"],
    ["payload.order.total > 100 and payload.flag", "boolean"],
    ["payload.a + payload.b", "unknown"],
    ["payload.a - 1", "number"],
    ["`Total (USD)` * 2", "number"],
    ["category", "option"],
    ["null", "null"],
    ["amount == null", "boolean"],
    ["lower(category) contains 'travel'", "boolean"],
    ["tags contains 'x'", "boolean"],
    ["'x' in tags", "boolean"],
    ["len(tags) + len(employee_name)", "number"],
    ["today() > start_date", "boolean"],
    ["is_empty(payload) or is_not_empty(tags)", "boolean"],
    ["round(amount / 3, 2)", "number"],
  ])("%s : %s", (source, expected) => {
    expect(typeOf(source)).toBe(expected);
  });
});

describe("checkExpression: diagnostics", () => {
  it.each([
    ["amout > 5", 'Unknown field "amout" (did you mean "amount"?)', 0, 5],
    ["Amount > 5", 'Unknown field "Amount" (did you mean "amount"?)', 0, 6],
    ["amuont > 5", 'Unknown field "amuont" (did you mean "amount"?)', 0, 6],
    ["initiator.departement == 'x'", 'Unknown field "initiator.departement" (did you mean "initiator.department"?)', 0, 21],
    ["xyz > 1", 'Unknown field "xyz"', 0, 3],
    ["initiator == 'x'", '"initiator" is a group of fields; use one of them: initiator.department, initiator.name', 0, 9],
    ["amount.total > 1", 'Unknown field "amount.total": "amount" is a number and has no fields', 0, 12],
    ["start_date > 5", "Cannot compare date with number", 13, 14],
    ["start_date > '2026-01-01'", 'Cannot compare date with string; write date("2026-01-01")', 13, 25],
    ["amount == 'x'", "Cannot compare number with string", 10, 13],
    ["approved < true", 'Operator "<" cannot order boolean values', 11, 15],
    ["amount > null", 'Operator ">" cannot be used with null (use == null)', 9, 13],
    ["amount and approved", 'Operator "and" needs boolean operands, got number', 0, 6],
    ["approved or employee_name", 'Operator "or" needs boolean operands, got string', 12, 25],
    ["not amount", 'Operator "not" needs a boolean operand, got number', 4, 10],
    ["-employee_name", 'Operator "-" needs a number operand, got string', 1, 14],
    ["amount + employee_name", 'Operator "+" needs two numbers or two texts, got number and string', 9, 22],
    ["start_date + 1", "(use add_days or days_between for dates)", 0, 10],
    ["employee_name * 2", 'Operator "*" needs number operands, got string and number', 0, 13],
    ["amount in 5", 'Operator "in" needs a list on the right, got number', 10, 11],
    ["'a' in employee_name", '(use "contains" to search text)', 7, 20],
    ["amount in ['a']", "Cannot look for number in a list of string", 0, 6],
    ["amount contains 1", 'Operator "contains" needs text or a list on the left, got number', 0, 6],
    ["employee_name contains 1", 'Operator "contains" needs text on the right, got number', 23, 24],
    ["tags contains 1", "Cannot look for number in a list of string", 14, 15],
    ["[1, 'a']", "List items must have one type: item 2 is string, the ones before are number", 4, 7],
    ["lenght(tags)", 'Unknown function "lenght" (did you mean "len"?)', 0, 6],
    ["constructor(1)", 'Unknown function "constructor"', 0, 11],
    ["round(amount, 2, 3)", 'Function "round" takes 1 to 2 arguments, got 3', 0, 19],
    ["today(1)", 'Function "today" takes no arguments, got 1', 0, 8],
    ["abs()", 'Function "abs" takes 1 argument, got 0', 0, 5],
    ["sum(amount)", 'Argument 1 (numbers) of "sum" must be a list of numbers, got number', 4, 10],
    ["upper(amount)", 'Argument 1 (text) of "upper" must be text, got number', 6, 12],
    ["date('2026-02-30')", '"2026-02-30" is not a valid date (expected YYYY-MM-DD)', 5, 17],
    ["datetime('yesterday')", '"yesterday" is not a valid datetime', 9, 20],
    ["coalesce(amount, 'x')", 'Arguments of "coalesce" must have compatible types, got number and string', 0, 21],
  ])("%s → %s", (source, message, start, end) => {
    const [diagnostic] = problems(source);
    expect(diagnostic.message).toContain(message);
    expect([diagnostic.start, diagnostic.end]).toEqual([start, end]);
  });

  it("reports every independent problem, not just the first", () => {
    const found = problems("amout > 5 and categry == 'x' and approved < 1");
    expect(found.map((d) => d.message)).toEqual([
      'Unknown field "amout" (did you mean "amount"?)',
      'Unknown field "categry" (did you mean "category"?)',
      "Cannot compare boolean with number",
    ]);
  });

  it("does not cascade from an unknown field", () => {
    expect(problems("amout * 2 > 5 and true")).toHaveLength(1);
  });

  it("never reads inherited keys of the environment or the registry", () => {
    for (const source of ["constructor", "__proto__ == 1", "toString", "hasOwnProperty(1)", "valueOf.x"]) {
      expect(checkExpression(source, env).ok).toBe(false);
    }
  });
});

describe("checkExpression: option sets", () => {
  it("accepts the options' values, in comparisons, lists and contains", () => {
    expect(typeOf("category == 'Travel' or 'Equipment' == category")).toBe("boolean");
    expect(typeOf("category in ['Travel', 'Equipment']")).toBe("boolean");
    expect(typeOf("labels contains 'urgent'")).toBe("boolean");
    expect(typeOf("category == employee_name")).toBe("boolean");
  });

  it("rejects a literal that is not an option, listing the options", () => {
    expect(problems('category == "Cruise"')[0]).toEqual({
      message: '"Cruise" is not one of the options of "category": Travel, Office Supplies, Equipment',
      start: 12,
      end: 20,
    });
    expect(problems("category in ['Travel', 'Cruise']")[0].message).toMatch(/"Cruise" is not one of the options of "category"/);
    expect(problems("labels contains 'soon'")[0].message).toMatch(/"soon" is not one of the options of "labels": urgent, later/);
    expect(problems("category != 'Equipmnt'")[0].message).toMatch(/\(did you mean "Equipment"\?\)$/);
  });

  it("explains that a label is not the stored value", () => {
    expect(problems("status == 'In review'")[0].message).toBe('"In review" is the label of an option of "status"; compare with its value "in_review"');
    expect(problems("status == 'closed'")[0].message).toBe('"closed" is not one of the options of "status": open (Open), in_review (In review)');
  });
});

describe("checkCondition and expected types", () => {
  it("requires a condition to be boolean", () => {
    const result = checkCondition("amount * 2", env);
    expect(!result.ok && result.diagnostics[0]).toEqual({ message: "A condition must be true or false, but this expression gives number", start: 0, end: 10 });
    expect(checkCondition("approved", env).ok).toBe(true);
    expect(checkCondition("payload.flag", env).ok).toBe(true);
    expect(checkCondition("null", env).ok).toBe(false);
  });

  it("requires a calculated field's expression to have the field's type", () => {
    expect(checkExpression("quantity * unitPrice", env, { expected: t.number }).ok).toBe(true);
    expect(checkExpression("null", env, { expected: t.number }).ok).toBe(true);
    expect(checkExpression("category", env, { expected: t.string }).ok).toBe(true);
    expect(checkExpression("[1, 2]", env, { expected: t.list(t.number) }).ok).toBe(true);
    const wrong = checkExpression("employee_name", env, { expected: t.number });
    expect(!wrong.ok && wrong.diagnostics[0].message).toBe("Expected number, got string");
    const date = checkExpression("submitted_at", env, { expected: t.date });
    expect(!date.ok && date.diagnostics[0].message).toBe("Expected date, got datetime");
  });
});

describe("checkAst on programmatic trees", () => {
  it("rejects a tree deeper than the limit without recursing into it", () => {
    let deep: Expr = { kind: "literal", value: true, start: 0, end: 0 };
    for (let i = 0; i < 100_000; i++) deep = { kind: "not", operand: deep, start: 0, end: 0 };
    const result = checkAst(deep, env);
    expect(!result.ok && result.diagnostics[0].message).toMatch(/nested too deeply/);
  });

  it("rejects non-finite numbers", () => {
    const result = checkAst({ kind: "literal", value: Infinity, start: 0, end: 0 }, env);
    expect(!result.ok && result.diagnostics[0].message).toBe("Numbers must be finite");
  });
});
