import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "./definition";
import { isInputField } from "./field-types";
import { valueCheckerFor, type TValueContext } from "./field-values";

const ID = "8a0e7a52-8a43-4c52-9df5-7a1c0e0d3b11";
const ID2 = "0b3f3f5e-2d1c-4a5b-9c8d-7e6f5a4b3c2d";

/** Checks `raw` against one field given in definition form; returns the value or the message. */
function check(field: Record<string, unknown>, raw: unknown, context: TValueContext = {}): unknown {
  const parsed = ZFormDefinition.parse({ schemaVersion: 1, fields: [{ key: "f", label: "Field", ...field }] }).fields[0];
  if (!isInputField(parsed)) throw new Error("not an input field");
  const result = valueCheckerFor(parsed)(raw, context);
  return result.ok ? result.value : `error: ${result.message}`;
}

describe("text-like fields", () => {
  it("trims, treats blank as empty and enforces lengths with human messages", () => {
    const field = { type: "text", label: "Employee Name", validation: { minLength: 2, maxLength: 5 } };
    expect(check(field, "  Al  ")).toBe("Al");
    expect(check(field, "   ")).toBeUndefined();
    expect(check(field, null)).toBeUndefined();
    expect(check(field, "A")).toBe("error: Employee Name must be at least 2 characters");
    expect(check(field, "Alexander")).toBe("error: Employee Name must be at most 5 characters");
    expect(check(field, 42)).toBe("error: Employee Name must be text");
    expect(check(field, ["Al"])).toBe("error: Employee Name must be text");
    expect(check(field, "a\nb")).toBe("error: Employee Name must be a single line");
  });

  it("caps every text type even without a maxLength", () => {
    expect(check({ type: "text" }, "x".repeat(1_000))).toHaveLength(1_000);
    expect(check({ type: "text" }, "x".repeat(1_001))).toBe("error: Field must be at most 1,000 characters");
    expect(check({ type: "textarea" }, "line\n".repeat(2_000).trim())).toHaveLength(9_999);
    expect(check({ type: "textarea" }, "x".repeat(10_001))).toBe("error: Field must be at most 10,000 characters");
    expect(check({ type: "text" }, `  ${"x".repeat(998)}  `)).toHaveLength(998);
  });

  it("refuses a 10 MB string at once", () => {
    const started = performance.now();
    expect(check({ type: "textarea" }, "x".repeat(10_000_000))).toBe("error: Field must be at most 10,000 characters");
    expect(check({ type: "rich_text" }, "<p>".repeat(3_500_000))).toBe("error: Field is too long");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("applies the pattern to the whole trimmed value with the designer's message", () => {
    const field = { type: "text", validation: { pattern: "[A-Z]{2}-\\d{3}", patternMessage: "Use a code like AB-123" } };
    expect(check(field, " AB-123 ")).toBe("AB-123");
    expect(check(field, "AB-1234")).toBe("error: Use a code like AB-123");
    expect(check({ type: "text", validation: { pattern: "\\d+" } }, "12a")).toBe("error: Field is not in the expected format");
  });

  it.each([
    ["a@example.com", true], ["first.last+tag@sub.example.co.uk", true], [" a@example.com ", true],
    ["a@b", false], ["a@@example.com", false], ["a b@example.com", false], ["@example.com", false], ["a@example.c", false], ["<a>@x.com", false],
  ])("validates the email address %j", (raw, isValid) => {
    expect(check({ type: "email" }, raw)).toBe(isValid ? raw.trim() : "error: Enter a valid email address");
  });

  it.each([["+1 (555) 010-0199", true], ["020 7946 0958", true], ["12345", true], ["1234", false], ["+1 555 CALL", false], ["1".repeat(16), false]])(
    "validates the phone number %j",
    (raw, isValid) => {
      expect(check({ type: "phone" }, raw)).toBe(isValid ? raw : "error: Enter a valid phone number");
    },
  );

  it.each([["https://example.com/path?q=1", true], ["http://localhost:3000", true], ["javascript:alert(1)", false], ["ftp://example.com", false], ["example.com", false], ["https://", false], ["https://exa mple.com", false]])(
    "validates the URL %j",
    (raw, isValid) => {
      expect(check({ type: "url" }, raw)).toBe(isValid ? raw : "error: Enter a valid web address starting with http:// or https://");
    },
  );
});

describe("rich text", () => {
  it("sanitises, stores the HTML and measures the visible text", () => {
    const field = { type: "rich_text", label: "Notes", validation: { minLength: 3, maxLength: 10 } };
    expect(check(field, '<p onclick="x()">Hello <script>alert(1)</script><b>you</b></p>')).toBe("<p>Hello <b>you</b></p>");
    expect(check(field, "<p>Hi</p>")).toBe("error: Notes must be at least 3 characters");
    expect(check(field, "<p>Hello there world</p>")).toBe("error: Notes must be at most 10 characters");
    expect(check(field, "<p></p><br><script>x</script>")).toBeUndefined();
    expect(check({ type: "rich_text" }, "<b>x</b>".repeat(7_000))).toBe("error: Field is too long (at most 50,000 characters of formatted text)");
  });
});

describe("numbers", () => {
  it("accepts numbers and numeric text, refuses the rest", () => {
    const field = { type: "number", label: "Amount", validation: { min: 0, max: 100 } };
    expect(check(field, 12.5)).toBe(12.5);
    expect(check(field, " 12.50 ")).toBe(12.5);
    expect(check(field, "1e2")).toBe(100);
    expect(check(field, -0)).toBe(0);
    expect(check(field, "")).toBeUndefined();
    expect(check(field, Number.NaN)).toBeUndefined();
    expect(check(field, "12,5")).toBe("error: Amount must be a number");
    expect(check(field, "0x10")).toBe("error: Amount must be a number");
    expect(check(field, true)).toBe("error: Amount must be a number");
    expect(check(field, [1])).toBe("error: Amount must be a number");
    expect(check(field, Number.POSITIVE_INFINITY)).toBe("error: Amount must be a finite number");
    expect(check(field, "1e400")).toBe("error: Amount must be a finite number");
    expect(check(field, -1)).toBe("error: Amount must be at least 0");
    expect(check(field, 100.01)).toBe("error: Amount must be at most 100");
    expect(check({ type: "number", label: "Count", validation: { integer: true } }, 2.5)).toBe("error: Count must be a whole number");
  });

  it("limits currency amounts to the currency's decimals", () => {
    expect(check({ type: "currency", label: "Amount", currency: "USD" }, 10.25)).toBe(10.25);
    expect(check({ type: "currency", label: "Amount", currency: "USD" }, 0.1 + 0.2)).toBe(0.3);
    expect(check({ type: "currency", label: "Amount", currency: "USD" }, 10.255)).toBe("error: Amount can have at most 2 decimal places");
    // Found by the idempotence property: a tiny negative rounds to 0, never to -0.
    expect(Object.is(check({ type: "currency", label: "Amount", currency: "USD", validation: { min: 0 } }, -5e-324), 0)).toBe(true);
    expect(check({ type: "currency", label: "Amount", currency: "JPY", decimals: 0 }, 10.5)).toBe("error: Amount must be a whole amount");
  });

  it("accepts ratings from 1 to max", () => {
    expect(check({ type: "rating", max: 3 }, 3)).toBe(3);
    expect(check({ type: "rating" }, 5)).toBe(5);
    for (const bad of [0, 6, 2.5]) expect(check({ type: "rating" }, bad)).toBe("error: Choose a rating from 1 to 5 for Field");
  });
});

describe("dates and times", () => {
  it("accepts ISO dates within bounds", () => {
    const field = { type: "date", label: "Start", validation: { min: "2026-01-01", max: "2026-12-31" } };
    expect(check(field, "2026-03-01")).toBe("2026-03-01");
    for (const bad of ["2026-02-30", "2026-3-1", "01/03/2026", "2026-03-01T00:00:00Z", 20260301]) expect(check(field, bad)).toBe("error: Enter a valid date (YYYY-MM-DD)");
    expect(check(field, "2025-12-31")).toBe("error: Start must be on or after 2026-01-01");
    expect(check(field, "2027-01-01")).toBe("error: Start must be on or before 2026-12-31");
  });

  it("needs a time zone on datetimes and compares instants", () => {
    const field = { type: "datetime", label: "At", validation: { min: "2026-01-01T00:00:00+02:00" } };
    expect(check(field, "2026-01-01T09:30:00Z")).toBe("2026-01-01T09:30:00Z");
    expect(check(field, "2025-12-31T23:00:00Z")).toBe("2025-12-31T23:00:00Z");
    expect(check(field, "2025-12-31T21:59:59Z")).toBe("error: At must be on or after 2026-01-01T00:00:00+02:00");
    for (const bad of ["2026-01-01T09:30", "2026-01-01", "2026-01-01T25:00:00Z", "yesterday"]) {
      expect(check(field, bad)).toBe("error: Enter a valid date and time with a time zone, e.g. 2026-01-31T09:00:00Z");
    }
  });

  it("accepts HH:MM(:SS) times within bounds", () => {
    const field = { type: "time", label: "Slot", validation: { min: "09:00", max: "17:00" } };
    expect(check(field, "09:30")).toBe("09:30");
    expect(check(field, "16:59:59")).toBe("16:59:59");
    expect(check(field, "08:59")).toBe("error: Slot must be at or after 09:00");
    for (const bad of ["9:30", "24:00", "12:60", "noon"]) expect(check(field, bad)).toBe("error: Enter a valid time (HH:MM)");
  });
});

describe("options", () => {
  const options = [{ value: "travel", label: "Travel" }, { value: "meals", label: "Meals" }, { value: "other", label: "Other" }];

  it("accepts only offered values", () => {
    expect(check({ type: "dropdown", label: "Category", options }, "travel")).toBe("travel");
    expect(check({ type: "radio", label: "Category", options }, "Travel")).toBe("error: Choose one of the options offered for Category");
    expect(check({ type: "dropdown", label: "Category", options }, ["travel"])).toBe("error: Choose one of the options offered for Category");
    expect(check({ type: "dropdown", label: "Category", options }, "")).toBeUndefined();
  });

  it("checks multiple choices, removes repeats and applies min/max", () => {
    const field = { type: "multi_select", label: "Tags", options, validation: { minSelected: 2, maxSelected: 2 } };
    expect(check(field, ["travel", "meals", "travel"])).toEqual(["travel", "meals"]);
    expect(check(field, ["travel"])).toBe("error: Choose at least 2 options for Tags");
    expect(check(field, ["travel", "meals", "other"])).toBe("error: Choose at most 2 options for Tags");
    expect(check(field, ["travel", "nope"])).toBe("error: Choose only options offered for Tags");
    expect(check(field, "travel")).toBe("error: Tags must be a list of options");
    expect(check(field, [])).toBeUndefined();
    expect(check({ type: "checkbox_group", options }, Array(5_000).fill("travel"))).toBe("error: Choose only options offered for Field");
  });

  it("validates dynamic options through the context callback", () => {
    const field = { type: "dropdown", label: "Vendor", source: { kind: "dataset", datasetId: ID, sectionKey: "vendors" } };
    expect(check(field, "Acme")).toBe("Acme");
    expect(check(field, "Acme", { allowedOptions: () => ["Acme", "Globex"] })).toBe("Acme");
    expect(check(field, "Initech", { allowedOptions: () => ["Acme", "Globex"] })).toBe("error: Choose one of the options offered for Vendor");
    expect(check(field, "Initech", { allowedOptions: () => null })).toBe("Initech");
  });
});

describe("yes/no, people and departments", () => {
  it("takes booleans only", () => {
    expect(check({ type: "yes_no" }, false)).toBe(false);
    expect(check({ type: "yes_no", label: "Urgent" }, "true")).toBe("error: Urgent must be yes or no");
  });

  it("takes ids for user and department pickers", () => {
    expect(check({ type: "user", label: "Approver" }, ID)).toBe(ID);
    expect(check({ type: "user", label: "Approver" }, "bob")).toBe("error: Choose a user for Approver");
    expect(check({ type: "department", label: "Team" }, { id: ID })).toBe("error: Choose a department for Team");
  });

  it("takes a PNG data URL or a file id for signatures", () => {
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    expect(check({ type: "signature" }, png)).toBe(png);
    expect(check({ type: "signature" }, ID)).toBe(ID);
    expect(check({ type: "signature", label: "Sign" }, "data:image/svg+xml;base64,PHN2Zz4=")).toBe("error: Sign must be a drawn signature");
    expect(check({ type: "signature", label: "Sign" }, `data:image/png;base64,iVBORw0KGgo${"A".repeat(800_000)}`)).toBe("error: Sign must be a drawn signature");
  });
});

describe("files", () => {
  const info = (mimeType: string, sizeBytes: number) => () => ({ mimeType, sizeBytes });

  it("takes a list of file ids within maxFiles", () => {
    expect(check({ type: "file", label: "Receipt" }, [ID])).toEqual([ID]);
    expect(check({ type: "file", label: "Receipt" }, [ID, ID2])).toBe("error: Receipt accepts at most 1 file");
    expect(check({ type: "file", multiple: true, validation: { maxFiles: 2 } }, [ID, ID2, ID])).toBe("error: Field accepts at most 2 files");
    expect(check({ type: "file", multiple: true }, [ID, ID])).toEqual([ID]);
    expect(check({ type: "file", label: "Receipt" }, ID)).toBe("error: Receipt must be a list of uploaded files");
    expect(check({ type: "file", label: "Receipt" }, ["../../etc/passwd"])).toBe("error: Receipt contains something that is not an uploaded file");
    expect(check({ type: "file" }, [])).toBeUndefined();
  });

  it("checks type and size when the context knows the files", () => {
    const field = { type: "file", label: "Receipt", validation: { accept: ["image/*", "application/pdf"], maxSizeMb: 1 } };
    expect(check(field, [ID], { fileInfo: info("image/png", 1_000) })).toEqual([ID]);
    expect(check(field, [ID], { fileInfo: info("application/pdf", 1024 * 1024) })).toEqual([ID]);
    expect(check(field, [ID], { fileInfo: info("text/html", 10) })).toBe("error: Receipt accepts only image/*, application/pdf");
    expect(check(field, [ID], { fileInfo: info("image/png", 1024 * 1024 + 1) })).toBe("error: Each file of Receipt must be at most 1 MB");
    expect(check(field, [ID], { fileInfo: () => null })).toBe("error: A file of Receipt was not found; upload it again");
  });
});
