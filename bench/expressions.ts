// npx tsx bench/expressions.ts — prints, never asserts:
//   1. parse and parse + type-check time per expression over 1,000 varied expressions (half realistic
//      form/flow conditions from templates, half random well-typed trees of up to 4 levels), 5 timed
//      rounds after a warm-up round; median and p95 of the per-expression times;
//   2. evaluation throughput of compiled conditions over generated records (well-typed and messy),
//      plus explain() throughput, each the median of 5 rounds.
import fc from "fast-check";
import { checkExpression, compileCondition, type CompiledCondition } from "@/lib/expressions/api";
import { parse } from "@/lib/expressions/parser";
import { ENV, envData, typedExpr } from "@/lib/expressions/test-arbitraries";
import { toText } from "@/lib/expressions/to-text";

const ROUNDS = 5;
const EXPRESSIONS = 1_000;
const RECORDS = 2_000;
const NOW = { now: new Date("2026-03-10T12:00:00Z") };

const TEMPLATES = [
  (n: number) => `n1 >= ${n * 100}`,
  (n: number) => `n1 * n2 > ${n} and cat in ["a", "b"]`,
  (n: number) => `(n1 > ${n} or b1) and not is_empty(s1)`,
  (n: number) => `sum(rows.v) / max(len(rows.v), 1) > ${n / 10}`,
  (n: number) => `d1 >= date("2026-01-${String((n % 28) + 1).padStart(2, "0")}") and days_between(d1, today()) < ${n}`,
  (n: number) => `lower(s1) contains "${"abcdefgh"[n % 8]}" or tags contains "x${n}"`,
  (n: number) => `payload.x > ${n} and payload.flag`,
  (n: number) => `round(n1 * 1.2 + coalesce(grp.n, 0), 2) >= ${n}`,
  (n: number) => `cat == "c" and n1 != ${n} and dt1 < now()`,
  (n: number) => Array.from({ length: 8 }, (_, i) => `n1 == ${n + i}`).join(" or "),
];

function sources(): string[] {
  const realistic = Array.from({ length: EXPRESSIONS / 2 }, (_, i) => TEMPLATES[i % TEMPLATES.length](i));
  const random = fc.sample(typedExpr("boolean", 4), { numRuns: EXPRESSIONS / 2, seed: 42 }).map((ast) => toText(ast));
  return [...realistic, ...random];
}

const nanos = () => process.hrtime.bigint();
const micros = (start: bigint, end: bigint) => Number(end - start) / 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

function timePerExpression(list: string[], run: (source: string) => unknown): { median: number; p95: number } {
  list.forEach(run); // warm-up round
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const source of list) {
      const start = nanos();
      run(source);
      samples.push(micros(start, nanos()));
    }
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

function throughput(work: () => number): number {
  work(); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = nanos();
    const operations = work();
    rates.push(operations / (micros(start, nanos()) / 1e6));
  }
  return median(rates);
}

function main(): void {
  const list = sources();
  const accepted = list.filter((source) => checkExpression(source, ENV).ok).length;
  const lengths = list.map((source) => source.length).sort((a, b) => a - b);

  const parseOnly = timePerExpression(list, (source) => parse(source));
  const parseCheck = timePerExpression(list, (source) => checkExpression(source, ENV));

  const compiled = list.map((source) => compileCondition(source, ENV)).filter((c): c is CompiledCondition => c.ok);
  const records = fc.sample(envData, { numRuns: RECORDS, seed: 7 });
  const conditions = compiled.slice(0, 200);
  const evaluations = throughput(() => {
    for (const condition of conditions) for (const record of records.slice(0, 100)) condition.evaluate(record, NOW);
    return conditions.length * 100;
  });
  const simple = compileCondition("n1 >= 1000 and cat in [\"a\", \"b\"]", ENV) as CompiledCondition;
  const simpleRate = throughput(() => {
    for (const record of records) simple.evaluate(record, NOW);
    return records.length;
  });
  const explains = throughput(() => {
    for (const condition of conditions.slice(0, 50)) for (const record of records.slice(0, 20)) condition.explain(record, NOW);
    return 50 * 20;
  });

  const rows: [string, string][] = [
    ["expressions (accepted by the checker)", `${list.length} (${accepted})`],
    ["source length median / p95 / max (chars)", `${percentile(lengths, 50)} / ${percentile(lengths, 95)} / ${lengths[lengths.length - 1]}`],
    ["parse: median / p95 per expression", `${parseOnly.median.toFixed(1)} µs / ${parseOnly.p95.toFixed(1)} µs`],
    ["parse + check: median / p95 per expression", `${parseCheck.median.toFixed(1)} µs / ${parseCheck.p95.toFixed(1)} µs`],
    ["evaluate: 200 varied conditions × 100 records", `${Math.round(evaluations).toLocaleString("en-US")} evals/s`],
    ["evaluate: `n1 >= 1000 and cat in [...]`", `${Math.round(simpleRate).toLocaleString("en-US")} evals/s`],
    ["explain: 50 conditions × 20 records", `${Math.round(explains).toLocaleString("en-US")} explains/s`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`Expression language benchmark (${ROUNDS} rounds after warm-up, Node ${process.version})`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

main();
