import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "@/lib/errors";
import { compileForm } from "./compile";
import { ZFormDefinition, type TFormDefinitionInput } from "./definition";
import { EXPENSE_FORM, largeDefinition, largeSubmission } from "./fixtures";
import { checkSubmission, evaluateFormState, submissionSchema, validateSubmission, type TSubmissionContext } from "./submission";

const RECEIPT = "8a0e7a52-8a43-4c52-9df5-7a1c0e0d3b11";
const define = (fields: unknown[], extra: Record<string, unknown> = {}) => ZFormDefinition.parse({ schemaVersion: 1, fields, ...extra });
const expense = ZFormDefinition.parse(EXPENSE_FORM);

/** Validates through both entry points and checks they agree before returning the verdict. */
function validate(definition: ReturnType<typeof define>, raw: unknown, context: TSubmissionContext = {}) {
  const direct = validateSubmission(definition, raw, context);
  const parsed = submissionSchema(definition, context).safeParse(raw);
  if (direct.ok) expect(parsed).toEqual({ success: true, data: direct.data });
  else expect(parsed.success === false && fieldErrorsFromZod(parsed.error.issues)).toEqual(direct.fieldErrors);
  return direct;
}

describe("the Expense Approval form", () => {
  const valid = { employee_name: "Emma Employee", amount: 80, category: "travel" };

  it("accepts a valid submission and cleans it", () => {
    expect(validate(expense, { ...valid, employee_name: "  Emma Employee " })).toEqual({ ok: true, data: valid });
  });

  it("requires the receipt only when Amount > 100", () => {
    expect(validate(expense, { ...valid, amount: 100 }).ok).toBe(true);
    expect(validate(expense, { ...valid, amount: 100.01 })).toEqual({ ok: false, fieldErrors: { receipt: ["Receipt is required"] } });
    expect(validate(expense, { ...valid, amount: 150, receipt: [RECEIPT] })).toEqual({ ok: true, data: { ...valid, amount: 150, receipt: [RECEIPT] } });
  });

  it("reports every problem with a human message keyed by field", () => {
    expect(validate(expense, { employee_name: "E", amount: -5, category: "Travel" })).toEqual({
      ok: false,
      fieldErrors: {
        employee_name: ["Employee Name must be at least 2 characters"],
        amount: ["Amount must be at least 0"],
        category: ["Choose one of the options offered for Category"],
      },
    });
    expect(validate(expense, {})).toEqual({
      ok: false,
      fieldErrors: { employee_name: ["Employee Name is required"], amount: ["Amount is required"], category: ["Category is required"] },
    });
  });
});

describe("show conditions", () => {
  const definition = define([
    { key: "kind", type: "dropdown", label: "Kind", options: [{ value: "car", label: "Car" }, { value: "train", label: "Train" }] },
    { key: "plate", type: "text", label: "Plate", required: true, conditions: { show: { source: 'kind == "car"' } } },
    { key: "km", type: "number", label: "Kilometres", conditions: { show: { source: "is_not_empty(plate)" } }, validation: { min: 1 } },
  ]);

  it("validates and stores visible fields", () => {
    expect(validate(definition, { kind: "car", plate: "AB 123", km: 12 })).toEqual({ ok: true, data: { kind: "car", plate: "AB 123", km: 12 } });
    expect(validate(definition, { kind: "car" })).toEqual({ ok: false, fieldErrors: { plate: ["Plate is required"] } });
  });

  it("neither validates nor stores hidden fields, and hiding cascades", () => {
    expect(validate(definition, { kind: "train", plate: 42, km: -3 })).toEqual({ ok: true, data: { kind: "train" } });
    expect(validate(definition, { kind: "train", plate: "AB 123", km: 5 })).toEqual({ ok: true, data: { kind: "train" } });
  });

  it("hides the fields under a hidden section", () => {
    const sectioned = define([
      { key: "trip", type: "yes_no", label: "Trip" },
      { key: "travel", type: "section", label: "Travel", conditions: { show: { source: "trip" } } },
      { key: "destination", type: "text", label: "Destination", required: true },
      { key: "other", type: "section", label: "Other" },
      { key: "comment", type: "text", label: "Comment" },
    ]);
    expect(validate(sectioned, { trip: false, destination: "Paris", comment: "ok" })).toEqual({ ok: true, data: { trip: false, comment: "ok" } });
    expect(validate(sectioned, { trip: true })).toEqual({ ok: false, fieldErrors: { destination: ["Destination is required"] } });
    expect(evaluateFormState(compileForm(sectioned), { trip: false }).hidden).toEqual(["travel", "destination"]);
  });
});

describe("require and disable conditions", () => {
  it("requires a field when its condition holds on the final values", () => {
    const definition = define([
      { key: "reason", type: "textarea", label: "Reason", conditions: { require: { source: "total > 1000" } } },
      { key: "qty", type: "number", label: "Qty" },
      { key: "price", type: "number", label: "Price" },
      { key: "total", type: "calculated", label: "Total", expression: "qty * price", resultType: "number" },
    ]);
    expect(validate(definition, { qty: 10, price: 200 })).toEqual({ ok: false, fieldErrors: { reason: ["Reason is required"] } });
    expect(validate(definition, { qty: 10, price: 20 })).toEqual({ ok: true, data: { qty: 10, price: 20, total: 200 } });
  });

  it("keeps a disabled field's previous or default value and ignores what was sent", () => {
    const definition = define([
      { key: "locked", type: "yes_no", label: "Locked" },
      { key: "budget", type: "number", label: "Budget", required: true, defaultValue: 500, conditions: { disable: { source: "locked" } } },
    ]);
    expect(validate(definition, { locked: true, budget: 999_999 })).toEqual({ ok: true, data: { locked: true, budget: 500 } });
    expect(validate(definition, { locked: true, budget: "junk" }, { previous: { budget: 750 } })).toEqual({ ok: true, data: { locked: true, budget: 750 } });
    expect(validate(definition, { locked: false, budget: "junk" })).toEqual({ ok: false, fieldErrors: { budget: ["Budget must be a number"] } });
    expect(evaluateFormState(compileForm(definition), { locked: true }).disabled).toEqual(["budget"]);
  });
});

describe("calculated fields", () => {
  const definition = define([
    { key: "qty", type: "number", label: "Qty" },
    { key: "price", type: "currency", label: "Price", currency: "EUR" },
    { key: "total", type: "calculated", label: "Total", expression: "round(qty * price, 2)", resultType: "number" },
    { key: "due", type: "date", label: "Due" },
    { key: "remind", type: "calculated", label: "Remind", expression: "add_days(due, -2)", resultType: "date" },
    { key: "big", type: "calculated", label: "Big", expression: "coalesce(total, 0) > 100", resultType: "boolean" },
    { key: "note", type: "text", label: "Note", conditions: { show: { source: "big" } } },
  ]);

  it("recomputes values server-side and ignores sent ones", () => {
    expect(validate(definition, { qty: 3, price: 33.33, total: 1, remind: "1999-01-01", big: false, due: "2026-03-10", note: "n" })).toEqual({
      ok: true,
      data: { qty: 3, price: 33.33, total: 99.99, due: "2026-03-10", remind: "2026-03-08", big: false },
    });
    expect(validate(definition, { qty: 4, price: 33.33, note: "shown" })).toEqual({ ok: true, data: { qty: 4, price: 33.33, total: 133.32, big: true, note: "shown" } });
  });

  it("stores nothing for an empty result", () => {
    expect(validate(definition, {})).toEqual({ ok: true, data: { big: false } });
  });

  it("uses the context's clock for today()", () => {
    const aging = define([
      { key: "since", type: "date", label: "Since" },
      { key: "age", type: "calculated", label: "Age", expression: "days_between(since, today())", resultType: "number" },
    ]);
    expect(validate(aging, { since: "2026-01-01" }, { now: new Date("2026-01-31T12:00:00Z") })).toEqual({ ok: true, data: { since: "2026-01-01", age: 30 } });
  });
});

describe("repeating groups", () => {
  const definition = define([
    { key: "currency_note", type: "text", label: "Note" },
    {
      key: "items",
      type: "repeating_group",
      label: "Items",
      validation: { minRows: 1, maxRows: 3, uniqueWithinGroup: ["code"] },
      fields: [
        { key: "code", type: "text", label: "Code", required: true },
        { key: "qty", type: "number", label: "Qty", required: true, validation: { min: 1 } },
        { key: "price", type: "number", label: "Price", required: true },
        { key: "line", type: "calculated", label: "Line", expression: "qty * price", resultType: "number" },
        { key: "why", type: "text", label: "Why", conditions: { show: { source: "qty > 10" }, require: { source: 'currency_note == "strict"' } } },
      ],
    },
    { key: "total", type: "calculated", label: "Total", expression: "sum(items.line)", resultType: "number" },
  ]);

  it("validates each row with its own sub-schema and computes per row and across rows", () => {
    const raw = { items: [{ code: "A", qty: 2, price: 5, line: 999 }, { code: "B", qty: 1, price: 1.5, why: "hidden" }] };
    expect(validate(definition, raw)).toEqual({
      ok: true,
      data: { items: [{ code: "A", qty: 2, price: 5, line: 10 }, { code: "B", qty: 1, price: 1.5, line: 1.5 }], total: 11.5 },
    });
  });

  it("keys errors by row path", () => {
    const raw = { currency_note: "strict", items: [{ code: "A", qty: 0, price: 1 }, { code: "A", qty: 20, price: "x" }] };
    expect(validate(definition, raw)).toEqual({
      ok: false,
      fieldErrors: {
        "items.0.qty": ["Qty must be at least 1"],
        "items.1.price": ["Price must be a number"],
        "items.1.code": ["Code must be different in each row of Items (row 1 has the same value)"],
        "items.1.why": ["Why is required"],
      },
    });
  });

  it("enforces min and max rows and the row shape", () => {
    expect(validate(definition, {})).toEqual({ ok: false, fieldErrors: { items: ["Add at least 1 row to Items"] } });
    const row = { code: "A", qty: 1, price: 1 };
    expect(validate(definition, { items: [row, { ...row, code: "B" }, { ...row, code: "C" }, { ...row, code: "D" }] })).toEqual({
      ok: false,
      fieldErrors: { items: ["Items can have at most 3 rows"] },
    });
    expect(validate(definition, { items: "rows" })).toEqual({ ok: false, fieldErrors: { items: ["Items must be a list of rows"] } });
    expect(validate(definition, { items: [row, null, { ...row, code: "C", sneaky: 1 }] })).toEqual({
      ok: false,
      fieldErrors: { items: ["Row 2 of Items must be an object of values", 'Unknown field "sneaky" in row 3 of Items'] },
    });
  });
});

describe("rows reading form values", () => {
  const definition = define([
    { key: "rate", type: "number", label: "Rate" },
    { key: "detailed", type: "yes_no", label: "Detailed" },
    {
      key: "lines",
      type: "repeating_group",
      label: "Lines",
      fields: [
        { key: "hours", type: "number", label: "Hours" },
        { key: "cost", type: "calculated", label: "Cost", expression: "hours * rate", resultType: "number" },
        { key: "detail", type: "text", label: "Detail", conditions: { show: { source: "detailed" }, require: { source: "hours > 8 and total > 100" } } },
      ],
    },
    { key: "total", type: "calculated", label: "Total", expression: "sum(lines.cost)", resultType: "number" },
  ]);

  it("evaluates sub-field logic with the form's values and require conditions with the final ones", () => {
    expect(validate(definition, { rate: 10, detailed: false, lines: [{ hours: 2, detail: "dropped" }, { hours: 9 }] })).toEqual({
      ok: true,
      data: { rate: 10, detailed: false, lines: [{ hours: 2, cost: 20 }, { hours: 9, cost: 90 }], total: 110 },
    });
    expect(validate(definition, { rate: 10, detailed: true, lines: [{ hours: 2 }, { hours: 9 }] })).toEqual({
      ok: false,
      fieldErrors: { "lines.1.detail": ["Detail is required"] },
    });
    expect(validate(definition, { rate: 5, detailed: true, lines: [{ hours: 2 }, { hours: 9 }] }).ok).toBe(true);
  });

  it("keeps a disabled row value from the previous submission", () => {
    const locking = define([
      { key: "locked", type: "yes_no", label: "Locked" },
      { key: "rows", type: "repeating_group", label: "Rows", fields: [{ key: "v", type: "number", label: "V", conditions: { disable: { source: "locked" } } }] },
    ]);
    expect(validate(locking, { locked: true, rows: [{ v: 1 }, { v: 2 }] }, { previous: { rows: [{ v: 7 }] } })).toEqual({
      ok: true,
      data: { locked: true, rows: [{ v: 7 }, {}] },
    });
  });
});

describe("logic rules", () => {
  const definition = define(
    [
      { key: "start", type: "date", label: "Start" },
      { key: "end", type: "date", label: "End" },
    ],
    {
      logic: [
        { id: "order", assert: { source: "is_empty(end) or end >= start" }, message: "End must not be before Start", field: "end" },
        { id: "some", assert: { source: "is_not_empty(start) or is_not_empty(end)" }, message: "Give at least one date" },
      ],
    },
  );

  it("checks cross-field rules on valid values", () => {
    expect(validate(definition, { start: "2026-01-02", end: "2026-01-03" }).ok).toBe(true);
    expect(validate(definition, { start: "2026-01-02", end: "2026-01-01" })).toEqual({ ok: false, fieldErrors: { end: ["End must not be before Start"] } });
    expect(validate(definition, {})).toEqual({ ok: false, fieldErrors: { "": ["Give at least one date"] } });
  });

  it("waits for field errors to be fixed first", () => {
    expect(validate(definition, { start: "2026-01-02", end: "nope" })).toEqual({ ok: false, fieldErrors: { end: ["Enter a valid date (YYYY-MM-DD)"] } });
  });
});

describe("submissionSchema", () => {
  it("is a zod schema with issue paths react-hook-form understands", () => {
    const schema = submissionSchema(define([{ key: "items", type: "repeating_group", label: "Items", fields: [{ key: "amount", type: "number", label: "Amount", validation: { min: 0 } }] }]));
    const parsed = schema.safeParse({ items: [{ amount: 1 }, { amount: 2 }, { amount: -1 }] });
    expect(parsed.success === false && parsed.error.issues).toEqual([{ code: "custom", path: ["items", 2, "amount"], message: "Amount must be at least 0" }]);
  });

  it("validates dynamic options and files with the context it was built with", () => {
    const definition = define([
      { key: "vendor", type: "dropdown", label: "Vendor", source: { kind: "table", tableId: RECEIPT, column: "name" } },
      { key: "docs", type: "file", label: "Docs", validation: { accept: ["application/pdf"] } },
    ]);
    const schema = submissionSchema(definition, { allowedOptions: () => ["Acme"], fileInfo: () => ({ mimeType: "image/png", sizeBytes: 1 }) });
    expect(fieldErrorsFromZod(schema.safeParse({ vendor: "Globex", docs: [RECEIPT] }).error!.issues)).toEqual({
      vendor: ["Choose one of the options offered for Vendor"],
      docs: ["Docs accepts only application/pdf"],
    });
  });

  it("refuses to build for an invalid definition", () => {
    const invalid = { schemaVersion: 1, fields: [{ key: "a", type: "text", label: "A", conditions: { show: { source: "nope" } } }] } as unknown as ReturnType<typeof define>;
    expect(() => submissionSchema(invalid)).toThrow(/Invalid form definition at fields\.0\.conditions\.show/);
  });
});

describe("the large benchmark form", () => {
  it("accepts its generated submission, with every conditional field shown", () => {
    const definition = ZFormDefinition.parse(largeDefinition() as TFormDefinitionInput);
    const result = checkSubmission(compileForm(definition), largeSubmission(50));
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.data)).toHaveLength(60);
    expect(result.ok && (result.data.lines as unknown[])).toHaveLength(50);
    expect(evaluateFormState(compileForm(definition), largeSubmission(50))).toMatchObject({ hidden: [], disabled: [] });
  });
});
