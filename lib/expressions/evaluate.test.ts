import { describe, expect, it } from "vitest";
import { checkExpression, compileCondition, evaluateExpression } from "@/lib/expressions/api";
import type { EvaluateOptions } from "@/lib/expressions/evaluate";
import { t, type TypeEnv, type Value } from "@/lib/expressions/types";
import { toJsonValue } from "@/lib/expressions/values";

const env: TypeEnv = {
  amount: t.number,
  quantity: t.number,
  price: t.number,
  name: t.string,
  approved: t.boolean,
  start: t.date,
  end: t.date,
  at: t.datetime,
  category: t.options(["Travel", "Equipment"]),
  tags: t.list(t.string),
  "items.amount": t.list(t.number),
  "orders.lines.total": t.list(t.number),
  "initiator.department": t.string,
  payload: t.unknown,
  // A computed key makes "__proto__" an own property instead of setting the prototype.
  ["__proto__"]: t.number,
  constructor: t.string,
  "a.constructor": t.unknown,
};
const NOW: EvaluateOptions = { now: new Date("2026-03-10T23:30:00Z") };

function run(source: string, data: unknown, options: EvaluateOptions = NOW): unknown {
  const checked = checkExpression(source, env);
  if (!checked.ok) throw new Error(`${source}: ${checked.diagnostics[0].message}`);
  return toJsonValue(evaluateExpression(checked.ast, data, options), checked.type);
}

const data = {
  amount: 12000,
  quantity: 3,
  price: 2.5,
  name: "Ada Lovelace",
  approved: true,
  start: "2026-01-31",
  end: "2026-02-03",
  at: "2026-01-31T10:00:00Z",
  category: "Travel",
  tags: ["urgent", "q1"],
  items: [{ amount: 10 }, { amount: "20.5" }, { amount: null }, {}],
  orders: [{ lines: [{ total: 1 }, { total: 2 }] }, { lines: [{ total: 3 }] }],
  initiator: { department: "Finance" },
  payload: { order: { total: "150", when: "2026-02-01", ok: true }, list: [1, 2, 3] },
};

describe("evaluate: values", () => {
  it.each<[string, unknown]>([
    ["amount >= 1000", true],
    ["quantity * price", 7.5],
    ["amount / 1000 - 2 * 3 % 4", 10],
    ["-amount", -12000],
    ["name + '!'", "Ada Lovelace!"],
    ["name contains 'Love'", true],
    ["name contains 'love'", false],
    ["lower(name) contains 'love'", true],
    ["tags contains 'urgent'", true],
    ["'q2' in tags", false],
    ["category in ['Travel']", true],
    ["category not in ['Travel']", false],
    ["start < end", true],
    ["start == date('2026-01-31')", true],
    ["start < at", true],
    ["days_between(start, end)", 3],
    ["days_between(end, start)", -3],
    ["add_days(start, 30)", "2026-03-02"],
    ["sum(items.amount)", 30.5],
    ["len(items.amount)", 4],
    ["sum(orders.lines.total)", 6],
    ["initiator.department == 'Finance'", true],
    ["payload.order.total > 100", true],
    ["payload.order.total + 1", 151],
    ["payload.order.when < date('2026-03-01')", true],
    ["payload.order.ok and approved", true],
    ["2 in payload.list", true],
    ["payload.list contains 3", true],
    ["payload.order.total in [150, 200]", true],
    ["payload.missing.deeper == null", true],
    ["today()", "2026-03-10"],
    ["now() > at", true],
    ["round(2.345, 2)", 2.35],
    ["round(1.005, 2)", 1.01],
    ["round(-2.5)", -3],
    ["round(1234, -2)", 1200],
    ["min(amount, 5) + max(1, 2) + abs(-3)", 10],
    ["coalesce(payload.nothing, 'x')", "x"],
    ["upper('é') + lower('ÀB')", "Éàb"],
    ["len('😀a')", 2],
    ["date(at)", "2026-01-31"],
    ["datetime('2026-01-31T12:00:00+02:00')", "2026-01-31T10:00:00.000Z"],
  ])("%s → %j", (source, expected) => {
    expect(run(source, data)).toEqual(expected);
  });

  it("reads today() in the requested time zone", () => {
    expect(run("today()", {}, { ...NOW, timeZone: "Asia/Tokyo" })).toBe("2026-03-11");
    expect(run("today()", {}, { ...NOW, timeZone: "America/New_York" })).toBe("2026-03-10");
    expect(run("today()", {}, { ...NOW, timeZone: "Not/AZone" })).toBe("2026-03-10");
  });
});

describe("evaluate: null semantics", () => {
  it.each<[string, unknown]>([
    ["amount + 1", null],
    ["amount * 0", null],
    ["-amount", null],
    ["amount > 5", false],
    ["amount < 5", false],
    ["amount == 5", false],
    ["amount != 5", true],
    ["amount == null", true],
    ["amount != null", false],
    ["approved", null],
    ["not approved", true],
    ["approved or true", true],
    ["approved and true", false],
    ["start < date('2026-01-01')", false],
    ["name contains 'a'", false],
    ["'a' in tags", false],
    ["tags contains 'a'", false],
    ["sum(items.amount)", null],
    ["len(name)", null],
    ["is_empty(name) and is_empty(tags) and is_empty(payload)", true],
    ["coalesce(amount, 7)", 7],
    ["round(amount)", null],
    ["days_between(start, end)", null],
  ])("with no data, %s → %j", (source, expected) => {
    expect(run(source, {})).toEqual(expected);
  });

  it("treats blank text and empty lists as empty, but not 0 or false", () => {
    expect(run("is_empty(name) and is_empty(tags)", { name: "  ", tags: [] })).toBe(true);
    expect(run("is_not_empty(amount) and is_not_empty(approved)", { amount: 0, approved: false })).toBe(true);
  });
});

describe("evaluate: arithmetic safety", () => {
  it.each<[string, unknown]>([
    ["amount / 0", null],
    ["amount % 0", null],
    ["amount / quantity", null],
    ["amount * 1e308 * 10", null],
    ["1 / 3 * 3", 1],
  ])("%s → %j", (source, expected) => {
    expect(run(source, { amount: 5, quantity: 0 })).toEqual(expected);
  });
});

describe("evaluate: data of the wrong type", () => {
  const wrong = { amount: "lots", name: 42, approved: "yes", start: "31/01/2026", tags: "a,b", category: 3, items: "none", at: 1_700_000_000_000 };

  it.each<[string, unknown]>([
    ["amount > 5", false],
    ["amount + 1", null],
    ["name == '42'", false],
    ["approved", null],
    ["start < date('2030-01-01')", false],
    ["'a' in tags", false],
    ["category == 'Travel'", false],
    ["sum(items.amount)", null],
    ["at > now()", false],
  ])("%s → %j", (source, expected) => {
    expect(run(source, wrong)).toEqual(expected);
  });

  it("reads decimal strings as numbers and Date objects as dates", () => {
    expect(run("amount * 2", { amount: "12000.50" })).toBe(24001);
    expect(run("start == date('2026-01-31')", { start: new Date("2026-01-31T18:00:00Z") })).toBe(true);
    expect(run("at == datetime('2026-01-31T10:00:00Z')", { at: new Date("2026-01-31T10:00:00Z") })).toBe(true);
    expect(run("start == date('2026-01-31')", { start: new Date(NaN) })).toBe(false);
  });

  it("survives data that is not an object at all", () => {
    for (const value of [null, undefined, 42, "text", [1, 2], true, () => 1, Symbol("s")]) {
      expect(run("amount > 5 or name == 'x' or payload.a.b == 1", value)).toBe(false);
    }
  });

  it("does not run getters and survives throwing proxies", () => {
    let calls = 0;
    const withGetter = Object.defineProperty({}, "amount", { enumerable: true, get: () => ++calls });
    expect(run("amount > 0", withGetter)).toBe(false);
    expect(calls).toBe(0);
    const hostile = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error("boom"); } });
    expect(run("amount > 0", hostile)).toBe(null);
  });

  it("bounds recursion into deeply nested arrays", () => {
    let nested: unknown = [{ amount: 1 }];
    for (let i = 0; i < 10_000; i++) nested = [nested];
    expect(run("sum(items.amount)", { items: nested })).toBe(0);
    expect(run("is_empty(payload)", { payload: nested })).toBe(false);
  });
});

describe("evaluate: prototype pollution", () => {
  it("never reads inherited properties", () => {
    expect(run("__proto__ == null", {})).toBe(true);
    expect(run("constructor == null", {})).toBe(true);
    expect(run("is_empty(a.constructor)", { a: {} })).toBe(true);
    expect(run("is_empty(payload.constructor.prototype)", { payload: {} })).toBe(true);
    expect(run("is_empty(payload.__proto__)", { payload: [] })).toBe(true);
    expect(run("payload.toString == null", { payload: "x" })).toBe(true);
  });

  it("reads own keys with those names, e.g. from JSON.parse", () => {
    expect(run("__proto__ + 1", JSON.parse('{"__proto__": 41}'))).toBe(42);
    expect(run("constructor", { constructor: "own" })).toBe("own");
  });

  it("does not modify Object.prototype", () => {
    compileCondition("payload.__proto__.polluted == 1", env);
    run("payload.__proto__.polluted == 1", JSON.parse('{"payload": {"__proto__": {"polluted": 1}}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("evaluate: results are plain values", () => {
  it("returns Date objects for dates, converted by toJsonValue", () => {
    const checked = checkExpression("add_days(start, 1)", env);
    const value = checked.ok ? evaluateExpression(checked.ast, { start: "2026-01-31" }) : null;
    expect(value).toBeInstanceOf(Date);
    expect(checked.ok && toJsonValue(value as Value, checked.type)).toBe("2026-02-01");
  });
});
