// Property tests over generated definitions and submissions (see test-arbitraries.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "@/lib/errors";
import { compileForm } from "./compile";
import { parseFormDefinition, ZFormDefinition } from "./definition";
import { diffDefinitions, isEmptyDiff } from "./diff";
import { EXPENSE_FORM, largeDefinition } from "./fixtures";
import { checkSubmission, submissionSchema, validateSubmission } from "./submission";
import { definitionArb, submissionArb } from "./test-arbitraries";

const NOW = { now: new Date("2026-03-10T12:00:00Z") };
const RUNS = { numRuns: 400 };

const caseArb = definitionArb.chain((input) => {
  const parsed = ZFormDefinition.safeParse(input);
  if (!parsed.success) throw new Error(`generated definition is invalid: ${JSON.stringify(parsed.error.issues.slice(0, 3))}\n${JSON.stringify(input)}`);
  return fc.tuple(fc.constant(parsed.data), fc.array(submissionArb(input), { minLength: 1, maxLength: 4 }));
});

describe("generated definitions", () => {
  it("are valid, canonical and parse to themselves", () => {
    fc.assert(
      fc.property(definitionArb, (input) => {
        const once = ZFormDefinition.parse(input);
        expect(ZFormDefinition.parse(once)).toEqual(once);
        expect(ZFormDefinition.parse(JSON.parse(JSON.stringify(once)))).toEqual(JSON.parse(JSON.stringify(once)));
      }),
      RUNS,
    );
  }, 60_000);

  it("diff to nothing against themselves (and a JSON copy)", () => {
    fc.assert(
      fc.property(definitionArb, (input) => {
        const definition = ZFormDefinition.parse(input);
        expect(isEmptyDiff(diffDefinitions(definition, definition))).toBe(true);
        expect(isEmptyDiff(diffDefinitions(definition, ZFormDefinition.parse(JSON.parse(JSON.stringify(definition)))))).toBe(true);
      }),
      RUNS,
    );
  }, 60_000);
});

describe("validateSubmission on generated forms and submissions", () => {
  it("never throws and always gives a verdict", () => {
    fc.assert(
      fc.property(caseArb, ([definition, submissions]) => {
        const form = compileForm(definition);
        for (const raw of submissions) {
          const result = checkSubmission(form, raw, NOW);
          if (result.ok) continue;
          const entries = Object.entries(result.fieldErrors);
          expect(entries.length).toBeGreaterThan(0);
          for (const [, messages] of entries) for (const message of messages) expect(message).toMatch(/\S/);
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it("is idempotent: accepted data validates to itself", () => {
    fc.assert(
      fc.property(caseArb, ([definition, submissions]) => {
        const form = compileForm(definition);
        for (const raw of submissions) {
          const first = checkSubmission(form, raw, NOW);
          if (!first.ok) continue;
          expect(checkSubmission(form, first.data, NOW)).toEqual(first);
          expect(checkSubmission(form, JSON.parse(JSON.stringify(first.data)), NOW)).toEqual(first);
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it("gives the browser (zod schema) and the server the same verdict", () => {
    fc.assert(
      fc.property(caseArb, ([definition, submissions]) => {
        const schema = submissionSchema(definition, NOW);
        for (const raw of submissions) {
          const server = validateSubmission(definition, raw, NOW);
          const browser = schema.safeParse(raw);
          if (server.ok) expect(browser).toEqual({ success: true, data: server.data });
          else expect(browser.success === false && fieldErrorsFromZod(browser.error.issues)).toEqual(server.fieldErrors);
        }
      }),
      RUNS,
    );
  }, 60_000);

  it("only ever stores the form's own keys", () => {
    fc.assert(
      fc.property(caseArb, ([definition, submissions]) => {
        const keys = new Set(definition.fields.map((field) => field.key));
        for (const raw of submissions) {
          const result = validateSubmission(definition, raw, NOW);
          if (result.ok) for (const key of Object.keys(result.data)) expect(keys.has(key)).toBe(true);
        }
      }),
      RUNS,
    );
  }, 60_000);
});

describe("ZFormDefinition on random input", () => {
  it("never throws on random JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
        expect(() => ZFormDefinition.safeParse(json)).not.toThrow();
        expect(() => ZFormDefinition.safeParse({ schemaVersion: 1, fields: [json] })).not.toThrow();
      }),
      { numRuns: 1_000 },
    );
  });

  it("never throws on mutated valid definitions", () => {
    const base = [EXPENSE_FORM, largeDefinition()].map((input) => JSON.parse(JSON.stringify(ZFormDefinition.parse(input))));
    const mutation = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("key", "type", "label", "validation", "options", "conditions", "expression", "fields", "required"), fc.jsonValue({ maxDepth: 3 }));
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.array(mutation, { minLength: 1, maxLength: 4 }), (definition, mutations) => {
        const copy = structuredClone(definition);
        for (const [index, subIndex, property, value] of mutations) {
          const field = copy.fields[index % copy.fields.length];
          const target = field.type === "repeating_group" && subIndex % 2 === 0 ? field.fields[subIndex % field.fields.length] : field;
          target[property] = value;
        }
        const parsed = parseFormDefinition(copy);
        if (parsed.ok) {
          // Whatever is accepted must still compile and validate without throwing.
          expect(() => validateSubmission(parsed.definition, {}, NOW)).not.toThrow();
        } else {
          for (const issue of parsed.issues) expect(issue.message).toMatch(/\S/);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
