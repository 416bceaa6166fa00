// CSV import and export on real PostgreSQL: a batch is judged row by row, valid rows land in one
// transaction, relation texts resolve to records, uniques are checked against the file and the table,
// a dry run writes nothing; export neutralises formula cells and follows the view's filter.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportRecords } from "@/lib/tables/export";
import { importBatch } from "@/lib/tables/import";
import { autoMap, parseCsv, rowValues } from "@/lib/tables/import-mapping";
import { getTable } from "@/lib/tables/queries";
import { ZRecordListQuery } from "@/lib/tables/record-query";
import { createRecord } from "@/lib/tables/record-service";
import { createTable } from "@/lib/tables/table-service";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function setup() {
  const company = await createCompany(db);
  const ctx = contextFor(company, (await createUser(db, company, { systemRole: "ADMIN" })).id);
  const teams = await createTable(ctx, { name: "teams", displayName: "Teams", description: null, columns: { columns: [{ key: "name", label: "Name", type: "text", required: true, unique: true }] } });
  await createRecord(ctx, { tableId: teams.id, values: { name: "Red" } });
  await createRecord(ctx, { tableId: teams.id, values: { name: "Blue" } });
  const people = await createTable(ctx, {
    name: "people",
    displayName: "People",
    description: null,
    columns: {
      columns: [
        { key: "email", label: "Email", type: "email", required: true, unique: true },
        { key: "age", label: "Age", type: "number", min: 0 },
        { key: "team", label: "Team", type: "relation", tableId: teams.id, displayColumn: "name" },
        { key: "note", label: "Note", type: "text" },
      ],
    },
  });
  await createRecord(ctx, { tableId: people.id, values: { email: "taken@example.com" } });
  return { ctx, people, teams };
}

const CSV = [
  "Email,Age,Team,Note",
  "ada@example.com,36,Red,=HYPERLINK(\"http://evil\")",
  "bad-email,10,Blue,",
  "bo@example.com,-1,Green,",
  "taken@example.com,40,Red,",
  "cy@example.com,22,Blue,",
  "cy@example.com,23,Blue,",
].join("\n");

describe("import and export", () => {
  it("previews without writing, then imports the valid rows and reports the others by file row", async () => {
    const { ctx, people } = await setup();
    const parsed = parseCsv(CSV);
    const table = await getTable(ctx.companyId, { id: people.id });
    const mapping = autoMap(parsed.headers, table.schema.columns);
    expect(mapping).toEqual({ Email: "email", Age: "age", Team: "team", Note: "note" });
    const rows = parsed.rows.map((row) => rowValues(row, mapping, table.schema.columns));

    const preview = await importBatch(ctx, { tableId: people.id, rows, firstRow: 2, dryRun: true });
    expect(preview.inserted).toBe(0);
    expect(preview.valid).toBe(2);
    expect(preview.failed).toEqual([
      { row: 3, errors: { email: ["Enter a valid email address"] } },
      { row: 4, errors: { age: ["Age must be at least 0"], team: ['No Teams is named "Green"'] } },
      { row: 5, errors: { email: ["Another record already has this Email"] } },
      { row: 7, errors: { email: ['Email "cy@example.com" appears twice in the file'] } },
    ]);
    expect(await db.customTableRecord.count({ where: { tableId: people.id } })).toBe(1);

    const result = await importBatch(ctx, { tableId: people.id, rows, firstRow: 2, dryRun: false });
    expect(result).toMatchObject({ inserted: 2, valid: 2 });
    expect(await db.customTableRecord.count({ where: { tableId: people.id, deletedAt: null } })).toBe(3);
    expect(await db.auditLog.count({ where: { companyId: ctx.companyId, action: "records.imported" } })).toBe(1);

    const csv = await (await exportRecords(ctx.companyId, "people", ZRecordListQuery.parse({ sort: "email", direction: "asc" }), "csv")).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("id,Email,Age,Team,Note,createdAt,updatedAt");
    expect(lines[1]).toContain(`ada@example.com,36,Red,"'=HYPERLINK(""http://evil"")"`);
    expect(lines).toHaveLength(4);
    const filter = { conditions: [{ column: "age", op: "gte" as const, value: 30 }] };
    const json = JSON.parse(await (await exportRecords(ctx.companyId, "people", ZRecordListQuery.parse({ filter }), "json")).text());
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ email: "ada@example.com", age: 36, team: [expect.any(String)], note: "=HYPERLINK(\"http://evil\")" });
  });

  it("inserts nothing of a batch when the write fails part-way", async () => {
    const { ctx, people } = await setup();
    // Two rows racing for one unique value across two concurrent batches: each batch is all or nothing.
    const batch = (email: string) => importBatch(ctx, { tableId: people.id, rows: [{ email: `solo-${email}@example.com` }, { email: "race@example.com" }], firstRow: 2, dryRun: false });
    const results = await Promise.allSettled([batch("a"), batch("b")]);
    const emails = (await db.customTableRecord.findMany({ where: { tableId: people.id }, select: { data: true } })).map((row) => (row.data as { email: string }).email);
    expect(emails.filter((email) => email === "race@example.com")).toHaveLength(1);
    // Whatever the interleaving: a batch that failed left nothing behind, one that passed kept its rows.
    results.forEach((result, index) => {
      const solo = `solo-${"ab"[index]}@example.com`;
      expect(emails.includes(solo)).toBe(result.status === "fulfilled");
    });
    // Run at the same time, the loser's insert waits on the unique index and fails as a whole; run one
    // after the other, the second sees the taken value in its checks and reports that row instead.
    const reported = results.flatMap((result) => (result.status === "fulfilled" ? result.value.failed : []));
    expect(results.some((result) => result.status === "rejected") || reported.length === 1).toBe(true);
  });
});
