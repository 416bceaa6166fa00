// Bulk edit of one column on many records: all or none, each record audited and evented like a single
// edit, deleted and foreign records untouched.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setColumnForRecords } from "@/lib/tables/bulk-edit";
import { createRecord, deleteRecords } from "@/lib/tables/record-service";
import { createTable } from "@/lib/tables/table-service";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function setup() {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, admin.id);
  const table = await createTable(ctx, {
    name: "orders",
    displayName: "Orders",
    description: null,
    columns: { columns: [{ key: "title", label: "Title", type: "text" }, { key: "code", label: "Code", type: "text", unique: true }, { key: "status", label: "Status", type: "single_select", options: [{ value: "open" }, { value: "paid" }] }, { key: "n", label: "N", type: "auto_number" }] },
  });
  const records = [];
  for (const title of ["a", "b", "c"]) records.push(await createRecord(ctx, { tableId: table.id, values: { title, status: "open" } }));
  return { company, ctx, table, records };
}

const statuses = async (tableId: string) =>
  (await db.$queryRawUnsafe<{ status: string | null }[]>(`SELECT data->>'status' AS status FROM custom_table_records WHERE "tableId" = $1::uuid AND "deletedAt" IS NULL ORDER BY data->>'title'`, tableId)).map((row) => row.status);

describe("setting one column on many records", () => {
  it("changes every selected live record, with an audit entry and an outbox event each; trashed ones are skipped", async () => {
    const { company, ctx, table, records } = await setup();
    await deleteRecords(ctx, { tableId: table.id, recordIds: [records[2]!.id] });
    const result = await setColumnForRecords(ctx, { tableId: table.id, recordIds: records.map((record) => record.id), column: "status", value: "paid" });
    expect(result).toEqual({ count: 2 });
    expect(await statuses(table.id)).toEqual(["paid", "paid"]);
    expect(await db.auditLog.count({ where: { companyId: company.id, action: "record.updated" } })).toBe(2);
    expect(await db.outboxEvent.count({ where: { companyId: company.id, type: "DATABASE_ROW_UPDATED" } })).toBe(2);
  });

  it("refuses a bad value on the value, and a value one record cannot take leaves all unchanged", async () => {
    const { ctx, table, records } = await setup();
    const ids = records.map((record) => record.id);
    await expect(setColumnForRecords(ctx, { tableId: table.id, recordIds: ids, column: "status", value: "lost" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { value: ["Choose one of the options offered for Status"] } });
    await expect(setColumnForRecords(ctx, { tableId: table.id, recordIds: ids, column: "n", value: 3 })).rejects.toMatchObject({ fieldErrors: { column: ["N is filled in automatically"] } });
    // A unique code on three records: the second one collides, so the first is rolled back too.
    await expect(setColumnForRecords(ctx, { tableId: table.id, recordIds: ids, column: "code", value: "X-1" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { value: ["Another record already has this Code"] } });
    expect(await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM custom_table_records WHERE "tableId" = $1::uuid AND data ? 'code'`, table.id)).toEqual([{ count: 0 }]);
  });

  it("does not touch another company's records", async () => {
    const { table, records } = await setup();
    const other = await setup();
    await expect(setColumnForRecords(other.ctx, { tableId: table.id, recordIds: [records[0]!.id], column: "status", value: "paid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await setColumnForRecords(other.ctx, { tableId: other.table.id, recordIds: [records[0]!.id], column: "status", value: "paid" })).toEqual({ count: 0 });
    expect(await statuses(table.id)).toEqual(["open", "open", "open"]);
  });
});
