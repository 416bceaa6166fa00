// The browser path: react-hook-form's zodResolver over submissionSchema gives the server's verdict.
import { zodResolver } from "@hookform/resolvers/zod";
import fc from "fast-check";
import type { FieldError, FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "./definition";
import { EXPENSE_FORM } from "./fixtures";
import { submissionSchema, validateSubmission, type TFieldErrors } from "./submission";
import { definitionArb, submissionArb } from "./test-arbitraries";

const NOW = { now: new Date("2026-03-10T12:00:00Z") };
const OPTIONS = { fields: {}, shouldUseNativeValidation: false } as const;

// Flattens react-hook-form's nested errors to "path → first message", as the runtime form shows them.
// A field array's own message sits under "root" (group.root) when its rows have errors too.
function flatten(errors: FieldErrors, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = key === "root" && prefix ? prefix : prefix ? `${prefix}.${key}` : key;
    const error = value as FieldError;
    if (typeof error.message === "string" && typeof error.type === "string") out[path] = error.message;
    else Object.assign(out, flatten(value as FieldErrors, path));
  }
  return out;
}

// Form-level messages (unknown keys, logic rules without a field) sit under "" on both sides.
const firstMessages = (fieldErrors: TFieldErrors) => Object.fromEntries(Object.entries(fieldErrors).map(([path, messages]) => [path, messages[0]]));

describe("zodResolver(submissionSchema(...))", () => {
  const definition = ZFormDefinition.parse(EXPENSE_FORM);
  const resolver = zodResolver(submissionSchema(definition));

  it("returns the cleaned values when the server would accept them", async () => {
    const result = await resolver({ employee_name: " Emma ", amount: "80", category: "travel" }, undefined, OPTIONS);
    expect(result).toEqual({ values: { employee_name: "Emma", amount: 80, category: "travel" }, errors: {} });
  });

  it("returns the server's messages by field, form-level ones under \"\"", async () => {
    const result = await resolver({ employee_name: "E", amount: 500, category: "travel" }, undefined, OPTIONS);
    expect(flatten(result.errors)).toEqual({ employee_name: "Employee Name must be at least 2 characters", receipt: "Receipt is required" });
    const hostile = await resolver(JSON.parse('{"employee_name":"Emma","amount":1,"category":"travel","__proto__":{"x":1}}'), undefined, OPTIONS);
    expect(flatten(hostile.errors)).toEqual({ "": 'Unknown field "__proto__"' });
  });

  it("agrees with validateSubmission on generated forms and submissions", async () => {
    await fc.assert(
      fc.asyncProperty(
        definitionArb.chain((input) => fc.tuple(fc.constant(ZFormDefinition.parse(input)), submissionArb(input))),
        async ([parsed, raw]) => {
          const server = validateSubmission(parsed, raw, NOW);
          if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return; // a form always holds an object
          const browser = await zodResolver(submissionSchema(parsed, NOW))(raw as Record<string, unknown>, undefined, OPTIONS);
          expect(Object.keys(browser.errors).length === 0).toBe(server.ok);
          if (server.ok) expect(browser.values).toEqual(server.data);
          else expect(flatten(browser.errors)).toEqual(firstMessages(server.fieldErrors));
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
