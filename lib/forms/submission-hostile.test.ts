// Hostile submissions: every one must give a clear verdict — never a crash, never a polluted prototype.
import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "./definition";
import { EXPENSE_FORM } from "./fixtures";
import { submissionSchema, validateSubmission } from "./submission";

const expense = ZFormDefinition.parse(EXPENSE_FORM);
const valid = { employee_name: "Emma Employee", amount: 80, category: "travel" };
const withGroup = ZFormDefinition.parse({
  schemaVersion: 1,
  fields: [{ key: "items", type: "repeating_group", label: "Items", fields: [{ key: "note", type: "text", label: "Note" }] }],
});

describe("hostile submissions", () => {
  it("refuses what is not an object", () => {
    for (const raw of [null, undefined, 42, "values", true, [valid], () => valid]) {
      expect(validateSubmission(expense, raw)).toEqual({ ok: false, fieldErrors: { "": ["Send the form's values as an object"] } });
    }
  });

  it("refuses extra keys, listing a few", () => {
    const raw = { ...valid, isAdmin: true, a: 1, b: 2, c: 3, d: 4, e: 5 };
    expect(validateSubmission(expense, raw)).toEqual({ ok: false, fieldErrors: { "": ['Unknown fields "isAdmin", "a", "b", "c", "d" and 1 more'] } });
    expect(validateSubmission(expense, { ...valid, ["x".repeat(10_000)]: 1 })).toEqual({ ok: false, fieldErrors: { "": [`Unknown field "${"x".repeat(40)}…"`] } });
  });

  it("refuses __proto__ and constructor keys without touching any prototype", () => {
    const raw = JSON.parse('{"employee_name":"Emma","amount":1,"category":"travel","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const result = validateSubmission(expense, raw);
    expect(result).toEqual({ ok: false, fieldErrors: { "": ['Unknown fields "__proto__", "constructor"'] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");

    const rowRaw = JSON.parse('{"items":[{"note":"x","__proto__":{"polluted":true}}]}');
    expect(validateSubmission(withGroup, rowRaw)).toEqual({ ok: false, fieldErrors: { items: ['Unknown field "__proto__" in row 1 of Items'] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("gives cleaned data with ordinary prototypes and only the form's keys", () => {
    const result = validateSubmission(expense, valid);
    expect(result.ok && Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(result.ok && Object.keys(result.data)).toEqual(["employee_name", "amount", "category"]);
  });

  it("refuses wrong types with field messages", () => {
    const raw = { employee_name: { first: "Emma" }, amount: "lots", category: ["travel"], receipt: "file.pdf" };
    expect(validateSubmission(expense, raw)).toEqual({
      ok: false,
      fieldErrors: {
        employee_name: ["Employee Name must be text"],
        amount: ["Amount must be a number"],
        category: ["Choose one of the options offered for Category"],
        receipt: ["Receipt must be a list of uploaded files"],
      },
    });
  });

  it("refuses a 10 MB string quickly with a clear message", () => {
    const started = performance.now();
    expect(validateSubmission(expense, { ...valid, employee_name: "x".repeat(10 * 1024 * 1024) })).toEqual({
      ok: false,
      fieldErrors: { employee_name: ["Employee Name must be at most 100 characters"] },
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses path traversal and junk where file ids belong", () => {
    for (const receipt of [["../../etc/passwd"], ["C:\\Windows\\system.ini"], [{ id: "x" }], [null]]) {
      expect(validateSubmission(expense, { ...valid, amount: 500, receipt })).toEqual({
        ok: false,
        fieldErrors: { receipt: ["Receipt contains something that is not an uploaded file"] },
      });
    }
  });

  it("survives nested junk, huge arrays and deep nesting", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const junk = [deep, { a: { b: { c: [1, 2, { d: deep }] } } }, new Array(1_000_000).fill("travel"), Array.from({ length: 2_000 }, () => ({ note: "x" }))];
    for (const value of junk) {
      for (const key of ["employee_name", "amount", "category", "receipt"]) {
        const result = validateSubmission(expense, { ...valid, [key]: value });
        expect(result.ok).toBe(false);
      }
      expect(validateSubmission(withGroup, { items: value }).ok).toBe(false);
    }
    expect(validateSubmission(withGroup, { items: new Array(2_000).fill({}) })).toEqual({ ok: false, fieldErrors: { items: ["Items can have at most 1000 rows"] } });
  });

  it("does not run getters or trust exotic objects", () => {
    let calls = 0;
    const sneaky = { ...valid };
    Object.defineProperty(sneaky, "amount", { enumerable: true, get: () => (calls += 1) });
    expect(validateSubmission(expense, sneaky)).toEqual({ ok: false, fieldErrors: { amount: ["Amount is required"] } });
    expect(calls).toBe(0);
    const trap = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    expect(validateSubmission(expense, trap)).toEqual({ ok: false, fieldErrors: { "": ["The submission could not be read"] } });
    expect(submissionSchema(expense).safeParse(trap).success).toBe(false);
  });

  it("ignores values sent for calculated and display-only fields", () => {
    const definition = ZFormDefinition.parse({
      schemaVersion: 1,
      fields: [
        { key: "intro", type: "section", label: "Intro" },
        { key: "n", type: "number", label: "N" },
        { key: "twice", type: "calculated", label: "Twice", expression: "n * 2", resultType: "number" },
      ],
    });
    expect(validateSubmission(definition, { intro: { evil: true }, n: 2, twice: "<script>" })).toEqual({ ok: true, data: { n: 2, twice: 4 } });
  });

  it("sanitises rich text on the way in", () => {
    const definition = ZFormDefinition.parse({ schemaVersion: 1, fields: [{ key: "notes", type: "rich_text", label: "Notes" }] });
    expect(validateSubmission(definition, { notes: '<img src=x onerror=alert(1)><p>Hi<a href="javascript:alert(1)">x</a></p>' })).toEqual({
      ok: true,
      data: { notes: "<p>Hi<a>x</a></p>" },
    });
  });
});
