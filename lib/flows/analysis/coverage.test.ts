import { describe, expect, it } from "vitest";
import { t } from "@/lib/expressions/types";
import { analyseLevelCoverage, type CoverageBranch } from "./coverage";
import type { FieldDomain } from "./samples";
import { numberSamples } from "./samples";

const FIELDS: Record<string, FieldDomain> = {
  amount: { type: t.number, label: "Amount" },
  category: { type: t.options([{ value: "travel", label: "Travel" }, { value: "office", label: "Office" }, { value: "equipment", label: "Equipment" }]), label: "Category" },
  urgent: { type: t.boolean, label: "Urgent" },
  due: { type: t.date, label: "Due date" },
  note: { type: t.string, label: "Note", canBeEmpty: true },
};

let counter = 0;
const branch = (condition: string | null, extra: Partial<CoverageBranch> = {}): CoverageBranch => {
  counter += 1;
  return { id: `b${counter}`, name: extra.name ?? `B${counter}`, priority: counter, isDefault: condition === null, condition, target: "LEVEL", toLevelId: `to-${counter}`, ...extra };
};
const analyse = (branches: CoverageBranch[], fields = FIELDS) => analyseLevelCoverage({ levelName: "Manager", branches, fields, fallThrough: "complete (it is the last level)" });
const kinds = (branches: CoverageBranch[], fields = FIELDS) => analyse(branches, fields).map((finding) => finding.kind);

describe("gaps", () => {
  it("finds Amount = 1,000 between amount < 1000 and amount > 1000 without a default", () => {
    const [finding] = analyse([branch("amount < 1000"), branch("amount > 1000")]);
    expect(finding).toMatchObject({ kind: "GAP", example: { amount: 1000 } });
    expect(finding.message).toBe(
      'Amount = 1,000 matches no branch leaving "Manager" and the level has no default: such a request would complete (it is the last level). Add a default branch or cover this case.',
    );
  });

  it("finds nothing when < and >= meet, or when a default catches the rest", () => {
    expect(analyse([branch("amount < 1000"), branch("amount >= 1000")])).toEqual([]);
    expect(analyse([branch("amount < 1000"), branch("amount > 1000"), branch(null)])).toEqual([]);
  });

  it("reports an empty optional field as a gap, and not a required one", () => {
    const optional = { ...FIELDS, amount: { ...FIELDS.amount, canBeEmpty: true } };
    const [finding] = analyse([branch("amount < 1000"), branch("amount >= 1000")], optional);
    expect(finding).toMatchObject({ kind: "GAP", example: {}, exampleText: "Amount is empty" });
  });

  it("respects the field's bounds and whole-number setting", () => {
    const whole = { ...FIELDS, amount: { ...FIELDS.amount, integer: true, min: 0 } };
    expect(kinds([branch("amount <= 999"), branch("amount >= 1000")], whole)).toEqual([]);
    expect(analyse([branch("amount <= 999"), branch("amount >= 1000")])[0]).toMatchObject({ kind: "GAP", example: { amount: 999.5 } });
    expect(kinds([branch("amount < 0"), branch("amount >= 0")], whole)).toEqual(["DEAD_BRANCH"]);
  });

  it("covers every option of a select field, or names the missing one", () => {
    expect(kinds([branch('category == "travel"'), branch('category in ["office", "equipment"]')])).toEqual([]);
    expect(analyse([branch('category == "travel"'), branch('category == "office"')])[0]).toMatchObject({ kind: "GAP", exampleText: "Category = Equipment" });
    expect(kinds([branch('category not in ["travel"]'), branch('category == "travel"')])).toEqual([]);
    expect(analyse([branch('category != "travel"'), branch('category == "office"')])[0]).toMatchObject({ kind: "GAP", exampleText: "Category = Travel" });
  });

  it("covers booleans both ways", () => {
    expect(kinds([branch("urgent"), branch("not urgent")])).toEqual([]);
    expect(analyse([branch("urgent == true")])[0]).toMatchObject({ kind: "GAP", exampleText: "Urgent = no" });
  });

  it("works on dates, day by day", () => {
    expect(analyse([branch('due < date("2026-03-01")'), branch('due > date("2026-03-01")')])[0]).toMatchObject({ kind: "GAP", example: { due: "2026-03-01" } });
    expect(kinds([branch('due <= date("2026-02-28")'), branch('due >= date("2026-03-01")')])).toEqual([]);
  });

  it("combines several fields with and/or/not", () => {
    const [finding] = analyse([branch('amount >= 1000 and category == "travel"'), branch("amount < 1000"), branch('category != "travel" and not urgent')]);
    expect(finding.kind).toBe("GAP");
    expect(finding.kind === "GAP" && finding.exampleText).toBe("Amount = 1,000 and Category = Office and Urgent = yes");
  });

  it("describes between-ranges: a hole between two ranges", () => {
    const [finding] = analyse([branch("amount >= 0 and amount <= 500"), branch("amount > 600"), branch("amount < 0")]);
    expect(finding).toMatchObject({ kind: "GAP", example: { amount: 600 } });
  });
});

describe("overlaps and dead branches", () => {
  it("names the branch that wins by priority", () => {
    const a = branch("amount >= 1000", { name: "Finance" });
    const b = branch("amount >= 5000", { name: "Board" });
    const c = branch("amount < 1000", { name: "Done" });
    const findings = analyse([a, b, c]);
    expect(findings).toEqual([expect.objectContaining({ kind: "DEAD_BRANCH", branchIds: [b.id, a.id] })]);
    expect(findings[0].message).toBe('Branch "Board" can never be taken: every request it matches is taken first by "Finance" (higher priority).');
  });

  it("warns about an overlap that still leaves both branches reachable", () => {
    const a = branch('category == "travel"', { name: "Travel desk" });
    const b = branch("amount >= 1000", { name: "Finance" });
    const findings = analyse([a, b, branch(null)]);
    expect(findings).toEqual([expect.objectContaining({ kind: "OVERLAP", branchIds: [a.id, b.id], exampleText: "Category = Travel and Amount = 1,000" })]);
    expect(findings[0].message).toContain('"Travel desk" is taken because it comes first by priority');
  });

  it("ignores overlaps between branches that go to the same place", () => {
    expect(analyse([branch("amount > 10", { toLevelId: "x" }), branch("amount > 5", { toLevelId: "x" }), branch(null)])).toEqual([]);
  });

  it("reports a condition that is never true", () => {
    expect(analyse([branch("amount > 5 and amount < 3"), branch(null)])).toEqual([expect.objectContaining({ kind: "DEAD_BRANCH", example: null })]);
  });
});

describe("what it does not analyse", () => {
  it("stays silent (with a note) on functions, arithmetic, text matching and field comparisons", () => {
    for (const condition of ["round(amount) > 5", "amount * 2 > 5", 'note contains "x"', "due < today()"]) {
      expect(kinds([branch(condition), branch("amount > 1000000")])).toEqual(["NOT_ANALYSED"]);
    }
  });

  it("gives up on too many combinations rather than being slow", () => {
    const findings = analyseLevelCoverage({ levelName: "L", branches: [branch("amount > 1 and amount > 2 and amount > 3 and amount > 4 and amount > 5")], fields: FIELDS, fallThrough: "x", maxCombinations: 3 });
    expect(findings.map((f) => f.kind)).toEqual(["NOT_ANALYSED"]);
  });

  it("says nothing about conditions that do not parse (the publish check reports those)", () => {
    expect(analyse([branch("amount >"), branch("amount > 1")])).toEqual([]);
  });
});

describe("sample points", () => {
  it("takes each constant and a value inside each interval", () => {
    expect(numberSamples([1000, 5000])).toEqual([1000, 5000, 999, 1001, 5001]);
    expect(numberSamples([0.5], { min: 0, max: 1 })).toEqual([0.5, 0, 1]);
    expect(numberSamples([1, 2], { integer: true })).toEqual([1, 2, 0, 3]);
  });
});
