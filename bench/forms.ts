// npx tsx bench/forms.ts — prints, never asserts:
// server-side validation time of a 60-field form (10 conditions, calculated fields, a 50-row
// repeating group with a per-row calculated total and a uniqueness rule), median and p95 over
// 10,000 runs each, with the submission schema built once and reused vs built on every run; plus an
// invalid submission and the definition's own validation (ZFormDefinition.parse) for context.
import { ZFormDefinition } from "@/lib/forms/definition";
import { largeDefinition, largeSubmission } from "@/lib/forms/fixtures";
import { submissionSchema } from "@/lib/forms/submission";

const RUNS = 10_000;
const WARM_UP = 500;
const ROWS = 50;

const nanos = () => process.hrtime.bigint();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time(runs: number, work: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < Math.min(WARM_UP, runs); i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nanos();
    work();
    samples.push(Number(nanos() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

function main(): void {
  const input = largeDefinition();
  const definition = ZFormDefinition.parse(input);
  const valid = largeSubmission(ROWS);
  const lines = valid.lines as Record<string, unknown>[];
  // Five field errors spread over the form and the rows.
  const invalid = { ...valid, f0_text: "", f1_number: -1, f4_email: "nope", lines: lines.map((line, index) => (index % 20 === 0 ? { ...line, quantity: 0 } : line)) };

  const schema = submissionSchema(definition);
  const check = (raw: unknown, expected: boolean) => {
    if (schema.safeParse(raw).success !== expected) throw new Error(`fixture did not ${expected ? "pass" : "fail"} as expected`);
  };
  check(valid, true);
  check(invalid, false);

  const rows: Array<[string, number, { median: number; p95: number }]> = [
    ["valid submission, schema built once", RUNS, time(RUNS, () => schema.safeParse(valid))],
    ["valid submission, schema built per run", RUNS, time(RUNS, () => submissionSchema(definition).safeParse(valid))],
    ["invalid submission (5 errors), schema built once", RUNS, time(RUNS, () => schema.safeParse(invalid))],
    ["build the schema only (compile 11 expressions)", RUNS, time(RUNS, () => submissionSchema(definition))],
    ["ZFormDefinition.parse of the definition", 2_000, time(2_000, () => ZFormDefinition.parse(input))],
  ];

  const fields = definition.fields.length;
  const conditions = definition.fields.filter((field) => field.conditions).length;
  console.log(`Form validation benchmark (Node ${process.version}): ${fields} fields, ${conditions} conditions, ${ROWS}-row repeating group, ${JSON.stringify(valid).length.toLocaleString("en-US")} bytes of JSON`);
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`  ${"case".padEnd(width)}  ${"runs".padStart(6)}  ${"median".padStart(9)}  ${"p95".padStart(9)}`);
  for (const [label, runs, { median, p95 }] of rows) {
    console.log(`  ${label.padEnd(width)}  ${runs.toLocaleString("en-US").padStart(6)}  ${`${median.toFixed(3)} ms`.padStart(9)}  ${`${p95.toFixed(3)} ms`.padStart(9)}`);
  }
}

main();
