// Property: every finding's counter-example does what the finding says when the conditions are run by
// the real evaluator, and no gap that random inputs can find goes unreported.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition } from "@/lib/expressions/api";
import { t } from "@/lib/expressions/types";
import { analyseLevelCoverage, dataOf, type Assignment, type CoverageBranch } from "./coverage";
import type { FieldDomain } from "./samples";

const AMOUNTS = [-1, 0, 500, 999.5, 1000, 5000];
const DAYS = ["2026-01-01", "2026-03-01", "2026-03-02"];
const OPTIONS = ["travel", "office", "equipment"];

const fieldsArb = fc.record({ amountEmpty: fc.boolean(), categoryEmpty: fc.boolean(), urgentEmpty: fc.boolean(), dueEmpty: fc.boolean(), integer: fc.boolean() }).map(
  (f): Record<string, FieldDomain> => ({
    amount: { type: t.number, canBeEmpty: f.amountEmpty, integer: f.integer },
    category: { type: t.options(OPTIONS), canBeEmpty: f.categoryEmpty },
    urgent: { type: t.boolean, canBeEmpty: f.urgentEmpty },
    due: { type: t.date, canBeEmpty: f.dueEmpty },
  }),
);

const atom = fc.oneof(
  fc.tuple(fc.constantFrom("<", "<=", ">", ">=", "==", "!="), fc.constantFrom(...AMOUNTS)).map(([op, n]) => `amount ${op} ${n}`),
  fc.tuple(fc.constantFrom("==", "!="), fc.constantFrom(...OPTIONS)).map(([op, o]) => `category ${op} "${o}"`),
  fc.tuple(fc.boolean(), fc.subarray(OPTIONS, { minLength: 1 })).map(([not, list]) => `category ${not ? "not in" : "in"} [${list.map((o) => `"${o}"`).join(", ")}]`),
  fc.constantFrom("urgent", "not urgent", "urgent == false", "is_empty(amount)", "is_not_empty(category)", "amount == null"),
  fc.tuple(fc.constantFrom("<", "<=", ">", ">=", "=="), fc.constantFrom(...DAYS)).map(([op, d]) => `due ${op} date("${d}")`),
);
const condition: fc.Arbitrary<string> = fc.letrec<{ c: string }>((tie) => ({
  c: fc.oneof({ depthSize: "small", maxDepth: 3 }, atom, fc.tuple(fc.constantFrom("and", "or"), tie("c"), tie("c")).map(([op, a, b]) => `(${a} ${op} ${b})`), tie("c").map((c) => `not (${c})`)),
})).c;

const branchesArb = fc.tuple(fc.array(condition, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.array(fc.constantFrom("x", "y", "z"), { minLength: 3, maxLength: 3 })).map(
  ([conditions, withDefault, targets]): CoverageBranch[] => [
    ...conditions.map((c, i) => ({ id: `b${i}`, name: `B${i}`, priority: i, isDefault: false, condition: c, target: "LEVEL", toLevelId: targets[i] })),
    ...(withDefault ? [{ id: "dflt", name: "Default", priority: 99, isDefault: true, condition: null, target: "COMPLETE", toLevelId: null }] : []),
  ],
);

const inputArb = (fields: Record<string, FieldDomain>) =>
  fc.record({
    amount: fc.oneof(fc.constantFrom(...AMOUNTS), fc.integer({ min: -10, max: 6000 }), fc.double({ min: -10, max: 6000, noNaN: true })).filter((n) => !fields.amount.integer || Number.isInteger(n)),
    category: fc.constantFrom(...OPTIONS),
    urgent: fc.boolean(),
    due: fc.constantFrom("2025-12-31", ...DAYS, "2026-02-28", "2026-03-03", "2026-07-01"),
    empty: fc.subarray(["amount", "category", "urgent", "due"].filter((key) => fields[key].canBeEmpty)),
  }).map(({ empty, ...values }): Assignment => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, empty.includes(key) ? null : value])));

const ENV = { amount: t.number, category: t.options(OPTIONS), urgent: t.boolean, due: t.date };
const truthsOf = (branches: CoverageBranch[], assignment: Assignment) =>
  branches.filter((b) => !b.isDefault).map((b) => {
    const compiled = compileCondition(b.condition!, ENV);
    if (!compiled.ok) throw new Error(`generated an ill-typed condition: ${b.condition}`);
    return compiled.evaluate(dataOf(assignment));
  });

describe("coverage findings hold under the real evaluator", () => {
  it("gaps, overlaps and dead branches are real; random inputs find no unreported gap or live 'dead' branch", () => {
    const scenario = fieldsArb.chain((fields) => fc.tuple(fc.constant(fields), branchesArb, fc.array(inputArb(fields), { minLength: 20, maxLength: 20 })));
    fc.assert(
      fc.property(scenario, ([fields, branches, inputs]) => {
        const findings = analyseLevelCoverage({ levelName: "L", branches, fields, fallThrough: "complete" });
        const conditional = branches.filter((b) => !b.isDefault);
        const hasDefault = branches.some((b) => b.isDefault);
        const index = (id: string) => conditional.findIndex((b) => b.id === id);
        for (const finding of findings) {
          if (finding.kind === "GAP") {
            expect(hasDefault).toBe(false);
            expect(truthsOf(branches, finding.example).some(Boolean)).toBe(false);
          } else if (finding.kind === "OVERLAP") {
            const truths = truthsOf(branches, finding.example);
            const [winner, loser] = finding.branchIds.map(index);
            expect(winner).toBeLessThan(loser);
            expect(truths.indexOf(true)).toBe(winner);
            expect(truths[loser]).toBe(true);
          } else if (finding.kind === "DEAD_BRANCH") {
            const dead = index(finding.branchIds[0]);
            if (finding.example) {
              const truths = truthsOf(branches, finding.example);
              expect(truths[dead]).toBe(true);
              expect(truths.indexOf(true)).toBeLessThan(dead);
            }
            for (const input of inputs) {
              const truths = truthsOf(branches, input);
              if (truths[dead]) expect(truths.indexOf(true)).toBeLessThan(dead);
            }
          }
        }
        if (findings.some((f) => f.kind === "NOT_ANALYSED")) return;
        for (const input of inputs) {
          const truths = truthsOf(branches, input);
          if (!hasDefault && !truths.some(Boolean)) expect(findings.map((f) => f.kind)).toContain("GAP");
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000); // 300 scenarios; the machines running it are shared
});
