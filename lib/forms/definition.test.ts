import { describe, expect, it } from "vitest";
import { conditionToRules } from "./conditions";
import { parseFormDefinition, ZFormDefinition, ZPublishableForm, type TFormDefinitionInput } from "./definition";
import type { TField } from "./field-types";
import { EXPENSE_FORM, largeDefinition, SEED_EXPENSE_FORM } from "./fixtures";

type Fields = TFormDefinitionInput["fields"];
const form = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ schemaVersion: 1, fields, ...extra });

/** The issues of an invalid definition as "path: message" lines. */
function issuesOf(input: unknown, schema: typeof ZFormDefinition | typeof ZPublishableForm = ZFormDefinition): string[] {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const AMOUNT = { key: "amount", type: "number", label: "Amount" };
const START = { key: "start", type: "date", label: "Start date" };
const CATEGORY = { key: "category", type: "dropdown", label: "Category", options: [{ value: "travel", label: "Travel" }, { value: "meals", label: "Meals" }] };

describe("ZFormDefinition: documents that exist today", () => {
  it("accepts the seed's Expense Approval document unchanged", () => {
    const parsed = ZFormDefinition.parse(SEED_EXPENSE_FORM);
    expect(parsed).toEqual({ ...SEED_EXPENSE_FORM, fields: SEED_EXPENSE_FORM.fields.map((field) => field) });
  });

  it("accepts the expense form with its condition and the large benchmark form", () => {
    expect(ZFormDefinition.parse(EXPENSE_FORM).fields[3]).toMatchObject({ key: "receipt", conditions: { require: { source: "amount > 100" } } });
    expect(ZFormDefinition.parse(largeDefinition()).fields).toHaveLength(60);
  });

  it("accepts a minimal field of every type", () => {
    const id = "8a0e7a52-8a43-4c52-9df5-7a1c0e0d3b11";
    const fields: Fields = [
      { key: "a_text", type: "text", label: "Text", placeholder: "Type", help: "Help", defaultValue: "x", validation: { pattern: "[a-z]+", patternMessage: "Letters" } },
      { key: "a_textarea", type: "textarea", label: "Textarea", validation: { maxLength: 5000 } },
      { key: "a_rich", type: "rich_text", label: "Rich", validation: { minLength: 1 } },
      { key: "a_number", type: "number", label: "Number", validation: { min: -1, max: 1, integer: true }, defaultValue: 0 },
      { key: "a_currency", type: "currency", label: "Currency", currency: "JPY", decimals: 0 },
      { key: "a_email", type: "email", label: "Email", validation: { pattern: ".+@acme\\.com", patternMessage: "Use your Acme address" } },
      { key: "a_phone", type: "phone", label: "Phone" },
      { key: "a_url", type: "url", label: "URL" },
      { key: "a_date", type: "date", label: "Date", validation: { min: "2026-01-01", max: "2026-12-31" } },
      { key: "a_datetime", type: "datetime", label: "Datetime", validation: { min: "2026-01-01T00:00:00+02:00" } },
      { key: "a_time", type: "time", label: "Time", validation: { min: "09:00", max: "17:30" } },
      { key: "a_dropdown", type: "dropdown", label: "Dropdown", options: [{ value: "x", label: "X" }] },
      { key: "a_radio", type: "radio", label: "Radio", options: [{ value: "x", label: "X" }] },
      { key: "a_multi", type: "multi_select", label: "Multi", source: { kind: "dataset", datasetId: id, sectionKey: "vendors" }, validation: { maxSelected: 2 } },
      { key: "a_checks", type: "checkbox_group", label: "Checks", options: [{ value: "x", label: "X" }], validation: { minSelected: 1 } },
      { key: "a_yes_no", type: "yes_no", label: "Yes/no", defaultValue: false },
      { key: "a_rating", type: "rating", label: "Rating", max: 10 },
      { key: "a_file", type: "file", label: "File", multiple: true, validation: { accept: ["image/*", "application/pdf"], maxSizeMb: 5, maxFiles: 3 } },
      { key: "a_signature", type: "signature", label: "Signature" },
      { key: "a_user", type: "user", label: "User" },
      { key: "a_department", type: "department", label: "Department" },
      { key: "a_section", type: "section", label: "Section", help: "Display only" },
      { key: "a_calc", type: "calculated", label: "Calc", expression: "a_number * 2", resultType: "number" },
      {
        key: "a_group",
        type: "repeating_group",
        label: "Group",
        validation: { minRows: 1, maxRows: 10, uniqueWithinGroup: ["g_code"] },
        fields: [{ key: "g_code", type: "text", label: "Code" }, { key: "g_calc", type: "calculated", label: "Len", expression: "len(g_code)", resultType: "number" }],
      },
    ];
    const parsed = parseFormDefinition(form(fields));
    expect(parsed).toMatchObject({ ok: true });
  });
});

describe("ZFormDefinition: shapes", () => {
  it("rejects other schema versions, unknown properties and unknown field types", () => {
    expect(issuesOf({ schemaVersion: 2, fields: [] })).toEqual(["schemaVersion: Unsupported schemaVersion: this version of the app reads form definitions of version 1"]);
    expect(issuesOf(form([], { extra: true }))).toEqual([': Unrecognized key: "extra"']);
    expect(issuesOf(form([{ key: "x", type: "colour", label: "X" }]))).toEqual(["fields.0.type: Unknown field type"]);
    expect(issuesOf(form([{ key: "x", type: "text", label: "X", requried: true }]))).toEqual(['fields.0: Unrecognized key: "requried"']);
    expect(issuesOf(form([{ key: "x", type: "text", label: "X", validation: { min: 3 } }]))).toEqual(['fields.0.validation: Unrecognized key: "min"']);
  });

  it.each([["Amount"], ["1st"], ["has-dash"], ["_x"], ["a".repeat(64)], [""]])("rejects the malformed key %j", (key) => {
    expect(issuesOf(form([{ key, type: "text", label: "X" }]))[0]).toMatch(/^fields\.0\.key: A key starts with a lower-case letter/);
  });

  it.each([["constructor"], ["prototype"], ["id"], ["root"], ["and"], ["null"]])("rejects the reserved key %j", (key) => {
    expect(issuesOf(form([{ key, type: "text", label: "X" }]))).toEqual(["fields.0.key: This key is reserved; choose another"]);
  });

  it("rejects bad currency codes, ratings out of range and group nesting", () => {
    expect(issuesOf(form([{ key: "c", type: "currency", label: "C", currency: "usd" }]))).toEqual(["fields.0.currency: Use an ISO 4217 currency code such as USD"]);
    expect(issuesOf(form([{ key: "r", type: "rating", label: "R", max: 11 }]))).toEqual(["fields.0.max: At most 10"]);
    expect(issuesOf(form([{ key: "r", type: "rating", label: "R", max: 2 }]))).toEqual(["fields.0.max: At least 3"]);
    const nested = { key: "g", type: "repeating_group", label: "G", fields: [{ key: "h", type: "repeating_group", label: "H", fields: [] }] };
    expect(issuesOf(form([nested]))).toEqual(["fields.0.fields.0.type: Unknown field type"]);
    expect(issuesOf(form([{ key: "g", type: "repeating_group", label: "G", fields: [{ key: "s", type: "section", label: "S" }] }]))).toEqual(["fields.0.fields.0.type: Unknown field type"]);
  });

  it("allows only show conditions on display-only and calculated fields", () => {
    expect(issuesOf(form([{ key: "s", type: "section", label: "S", conditions: { require: { source: "true" } } }]))).toEqual(['fields.0.conditions: Unrecognized key: "require"']);
    expect(issuesOf(form([{ key: "c", type: "calculated", label: "C", expression: "1", resultType: "number", conditions: { disable: { source: "true" } } }]))).toEqual([
      'fields.0.conditions: Unrecognized key: "disable"',
    ]);
  });

  it("rejects conditions that are neither text nor a rule group", () => {
    expect(issuesOf(form([{ ...AMOUNT, conditions: { show: "amount > 3" } }]))[0]).toMatch(/^fields\.0\.conditions\.show: A condition is \{ source \}/);
    expect(issuesOf(form([{ ...AMOUNT, conditions: { show: { source: 42 } } }]))[0]).toMatch(/^fields\.0\.conditions\.show\.source:/);
  });
});

describe("ZFormDefinition: invariants", () => {
  it("rejects duplicate keys, also inside groups, naming the first owner", () => {
    const group = { key: "items", type: "repeating_group", label: "Items", fields: [{ key: "amount", type: "number", label: "Line amount" }] };
    expect(issuesOf(form([AMOUNT, group]))).toEqual(['fields.1.fields.0.key: Key "amount" is already used by "Amount"']);
    expect(issuesOf(form([AMOUNT, { ...AMOUNT, label: "Again" }]))).toEqual(['fields.1.key: Key "amount" is already used by "Amount"']);
  });

  it("checks options, bounds, caps, patterns and defaults at the offending property", () => {
    const fields = [
      { ...CATEGORY, options: [{ value: "a", label: "A" }, { value: "a", label: "Also A" }] },
      { key: "n", type: "number", label: "N", validation: { min: 10, max: 1 } },
      { key: "t", type: "text", label: "T", validation: { minLength: 5, maxLength: 2 } },
      { key: "t2", type: "text", label: "T2", validation: { maxLength: 5000 } },
      { key: "t3", type: "text", label: "T3", validation: { pattern: "(a+)+$" } },
      { key: "t4", type: "text", label: "T4", validation: { pattern: "[" } },
      { key: "d", type: "date", label: "D", validation: { min: "2026-02-30" } },
      { key: "dt", type: "datetime", label: "DT", validation: { min: "2026-01-02T00:00:00Z", max: "2026-01-01T00:00:00Z" } },
      { key: "e", type: "email", label: "E", defaultValue: "nope" },
      { key: "f", type: "file", label: "F", validation: { maxFiles: 3 } },
      { key: "m", type: "multi_select", label: "M", options: [{ value: "x", label: "X" }], validation: { minSelected: 3, maxSelected: 2 } },
      { key: "g", type: "repeating_group", label: "G", fields: [{ key: "sub", type: "text", label: "Sub" }], validation: { minRows: 5, maxRows: 2, uniqueWithinGroup: ["sub", "nope"] } },
    ];
    expect(issuesOf(form(fields))).toEqual([
      'fields.0.options.1.value: Option value "a" appears more than once',
      "fields.1.validation.max: The maximum must not be less than the minimum (10)",
      "fields.2.validation.maxLength: The maximum must not be less than the minimum (5)",
      "fields.3.validation.maxLength: A text field holds at most 1,000 characters",
      "fields.4.validation.pattern: This pattern can take exponential time on some inputs (a repeated group containing a repetition or alternatives); simplify it",
      expect.stringMatching(/^fields\.5\.validation\.pattern: Not a valid pattern/),
      "fields.6.validation.min: Not a valid date",
      "fields.7.validation.max: The maximum must not be less than the minimum (2026-01-02T00:00:00Z)",
      "fields.8.defaultValue: Default value: Enter a valid email address",
      "fields.9.validation.maxFiles: Allow multiple files to accept more than one",
      "fields.10.validation.maxSelected: The maximum must not be less than the minimum (3)",
      "fields.11.validation.maxRows: The maximum must not be less than the minimum (5)",
      'fields.11.validation.uniqueWithinGroup.1: "nope" is not a field of "G" that takes a value',
    ]);
  });

  it("type-checks conditions against the form's fields, naming the field and the rule", () => {
    const fields = [
      AMOUNT,
      START,
      CATEGORY,
      { key: "receipt", type: "file", label: "Receipt", conditions: { show: { source: "amout > 100" }, require: { source: "start > 5" }, disable: { source: 'category == "Travel"' } } },
    ];
    expect(issuesOf(form(fields))).toEqual([
      'fields.3.conditions.show: Show condition of "Receipt": Unknown field "amout" (did you mean "amount"?)',
      'fields.3.conditions.require: Require condition of "Receipt": Cannot compare date with number',
      'fields.3.conditions.disable: Disable condition of "Receipt": "Travel" is the label of an option of "category"; compare with its value "travel"',
    ]);
  });

  it("type-checks rule-builder conditions the same way", () => {
    const rules = { combinator: "and", rules: [{ field: "missing", operator: "equals", value: 1 }] };
    expect(issuesOf(form([AMOUNT, { ...START, conditions: { show: rules } }]))).toEqual(['fields.1.conditions.show: Show condition of "Start date": Unknown field "missing"']);
  });

  it("rejects non-boolean conditions and calculated fields of the wrong type", () => {
    expect(issuesOf(form([AMOUNT, { ...START, conditions: { show: { source: "amount + 1" } } }]))).toEqual([
      'fields.1.conditions.show: Show condition of "Start date": A condition must be true or false, but this expression gives number',
    ]);
    expect(issuesOf(form([AMOUNT, { key: "c", type: "calculated", label: "C", expression: "amount > 1", resultType: "number" }]))).toEqual([
      'fields.1.expression: Expression of "C": Expected number, got boolean',
    ]);
    expect(issuesOf(form([{ key: "c", type: "calculated", label: "C", expression: "", resultType: "number" }]))).toEqual(["fields.0.expression: Enter an expression"]);
  });

  it("rejects conditions that depend on their own field and cycles between fields", () => {
    expect(issuesOf(form([{ ...AMOUNT, conditions: { require: { source: "amount > 1" } } }]))).toEqual([
      'fields.0.conditions.require: Require condition of "Amount" depends on the field itself',
    ]);
    const cycle = [
      { key: "a", type: "text", label: "A", conditions: { show: { source: "is_empty(b)" } } },
      { key: "b", type: "text", label: "B", conditions: { disable: { source: "is_empty(a)" } } },
    ];
    expect(issuesOf(form(cycle))).toEqual(['fields.0.conditions: "A" depends on itself through other fields: a → b → a']);
    const calculated = [
      { key: "x", type: "calculated", label: "X", expression: "y + 1", resultType: "number" },
      { key: "y", type: "calculated", label: "Y", expression: "x * 2", resultType: "number" },
    ];
    expect(issuesOf(form(calculated))).toEqual(['fields.0.expression: "X" depends on itself through other fields: x → y → x']);
    expect(issuesOf(form([{ key: "z", type: "calculated", label: "Z", expression: "z + 1", resultType: "number" }]))).toEqual([
      'fields.0.expression: Expression of "Z" depends on the field itself',
    ]);
  });

  it("allows require conditions in both directions (they read final values)", () => {
    const fields = [
      { key: "a", type: "text", label: "A", conditions: { require: { source: "is_empty(b)" } } },
      { key: "b", type: "text", label: "B", conditions: { require: { source: "is_empty(a)" } } },
    ];
    expect(ZFormDefinition.safeParse(form(fields)).success).toBe(true);
  });

  it("scopes group sub-fields to their row and the form", () => {
    const group = (fields: unknown[]) => ({ key: "items", type: "repeating_group", label: "Items", fields });
    const ok = group([
      { key: "qty", type: "number", label: "Qty" },
      { key: "price", type: "currency", label: "Price", currency: "EUR", conditions: { show: { source: "qty > 0 and amount > 0" } } },
      { key: "line", type: "calculated", label: "Line", expression: "qty * price", resultType: "number" },
    ]);
    expect(ZFormDefinition.safeParse(form([AMOUNT, ok, { key: "sum", type: "calculated", label: "Sum", expression: "sum(items.line)", resultType: "number" }])).success).toBe(true);
    expect(issuesOf(form([group([{ key: "qty", type: "number", label: "Qty", conditions: { show: { source: "sum(items.qty) > 1" } } }])]))).toEqual([
      'fields.0.fields.0.conditions.show: "Qty" is inside "Items" and cannot read the group\'s own column "items.qty"; use the row\'s value (e.g. "qty")',
    ]);
    expect(issuesOf(form([group([{ key: "qty", type: "number", label: "Qty" }]), { ...AMOUNT, conditions: { show: { source: "qty > 1" } } }]))[0]).toMatch(
      /^fields\.1\.conditions\.show: Show condition of "Amount": Unknown field "qty"/,
    );
  });

  it("checks logic rules", () => {
    const logic = [
      { id: "positive", assert: { source: "amount > 0" }, message: "Amount must be positive", field: "amount" },
      { id: "positive", assert: { source: "amount > start" }, message: "x", field: "nope" },
    ];
    expect(issuesOf(form([AMOUNT, START], { logic }))).toEqual([
      'logic.1.id: Rule id "positive" is used twice',
      'logic.1.field: No field has the key "nope"',
      'logic.1.assert: Rule "positive": Cannot compare number with date',
    ]);
  });
});

describe("ZFormDefinition: condition storage", () => {
  it("stores rule-builder groups (new and legacy shape) as expression text", () => {
    const rules = { combinator: "or", rules: [{ field: "amount", operator: "greater_than", value: 100 }, { field: "category", operator: "in_list", value: ["travel", "meals"] }] };
    const legacy = { operator: "AND", rules: [{ field: "start", operator: "less_than", value: "2026-01-01" }, { field: "amount", operator: "is_not_empty" }] };
    const parsed = ZFormDefinition.parse(form([AMOUNT, START, CATEGORY, { key: "note", type: "text", label: "Note", conditions: { show: rules, require: legacy } }]));
    const note = parsed.fields[3] as Extract<TField, { type: "text" }>;
    expect(note.conditions).toEqual({
      show: { source: 'amount > 100 or category in ["travel", "meals"]' },
      require: { source: 'start < date("2026-01-01") and is_not_empty(amount)' },
    });
    expect(conditionToRules(note.conditions!.show!)).toEqual(rules);
    expect(conditionToRules(note.conditions!.require!)).toEqual({ combinator: "and", rules: legacy.rules });
  });

  it("gives no rules for text the rule builder cannot show", () => {
    expect(conditionToRules({ source: "amount * 2 > 10" })).toBeNull();
    expect(conditionToRules({ source: "((" })).toBeNull();
  });

  it("is idempotent: the stored form parses to itself", () => {
    const once = ZFormDefinition.parse(largeDefinition());
    expect(ZFormDefinition.parse(once)).toEqual(once);
  });
});

describe("ZPublishableForm", () => {
  it("accepts the expense form", () => {
    expect(ZPublishableForm.safeParse(EXPENSE_FORM).success).toBe(true);
  });

  it("needs labels, options, group fields and at least one input", () => {
    const fields = [
      { key: "s", type: "section", label: "" },
      { key: "d", type: "dropdown", label: "Pick" },
      { key: "g", type: "repeating_group", label: "G", fields: [] },
      { key: "m", type: "checkbox_group", label: "M", options: [{ value: "x", label: "X" }], validation: { minSelected: 2 } },
    ];
    expect(issuesOf(form(fields), ZPublishableForm)).toEqual([
      "fields.0.label: Give this field a label",
      'fields.1.options: Add at least one option to "Pick"',
      'fields.2.fields: Add at least one field to "G"',
      'fields.3.validation.minSelected: "M" asks for more choices than it has options',
    ]);
    expect(issuesOf(form([{ key: "s", type: "section", label: "Only a heading" }]), ZPublishableForm)).toEqual(["fields: Add at least one field to fill in"]);
  });

  it("accepts option fields with a dynamic source and no static options", () => {
    const vendor = { key: "v", type: "dropdown", label: "Vendor", source: { kind: "table", tableId: "8a0e7a52-8a43-4c52-9df5-7a1c0e0d3b11", column: "name" } };
    expect(ZPublishableForm.safeParse(form([vendor])).success).toBe(true);
  });
});

describe("parseFormDefinition", () => {
  it("never throws on hostile documents", () => {
    let deep: unknown = { field: "amount", operator: "equals", value: 1 };
    for (let i = 0; i < 10_000; i++) deep = { combinator: "and", rules: [deep] };
    const proxy = new Proxy({}, { get: () => { throw new Error("trap"); }, ownKeys: () => { throw new Error("trap"); } });
    for (const input of [undefined, 1, "x", [], proxy, form([{ ...AMOUNT, conditions: { show: deep } }]), form([{ ...AMOUNT, label: "x".repeat(10_000_000) }])]) {
      expect(parseFormDefinition(input).ok).toBe(false);
    }
    const parsed = parseFormDefinition(form([{ ...AMOUNT, conditions: { show: deep } }]));
    expect(parsed.ok === false && parsed.issues[0]).toMatchObject({ path: ["fields", 0, "conditions", "show"], message: "Rule groups are nested too deeply (limit 32)" });
  });
});
