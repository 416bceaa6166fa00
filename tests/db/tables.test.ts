// Custom tables on real PostgreSQL: schema saves build the per-table indexes, records are validated
// by the schema, auto-numbers are gap-free under concurrency, concurrent edits of different columns
// both survive, every write emits its outbox event, filters/sort/cursor pages agree with a plain
// reading of the data, and type changes convert or refuse with counts.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TColumnInput } from "@/lib/tables/columns";
import { getRecord, listRecords } from "@/lib/tables/queries";
import { ZRecordListQuery, type TRecordListQuery } from "@/lib/tables/record-query";
import { createRecord, deleteRecords, purgeRecords, restoreRecords, updateRecord } from "@/lib/tables/record-service";
import { archiveTable, createTable, previewTableSchema, updateTable } from "@/lib/tables/table-service";
import { indexPrefix } from "@/lib/tables/storage";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

const PRODUCT_COLUMNS: TColumnInput[] = [
  { key: "name", label: "Name", type: "text", required: true },
  { key: "sku", label: "SKU", type: "text", unique: true },
  { key: "price", label: "Price", type: "currency", currency: "EUR" },
  { key: "stock", label: "Stock", type: "number" },
  { key: "value", label: "Stock value", type: "formula", source: "price * stock" },
  { key: "category", label: "Category", type: "single_select", options: [{ value: "tools" }, { value: "food" }, { value: "toys" }] },
  { key: "tags", label: "Tags", type: "multi_select", options: [{ value: "new" }, { value: "sale" }] },
  { key: "added", label: "Added", type: "date" },
  { key: "number", label: "Number", type: "auto_number", prefix: "P-" },
];

async function setup() {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, admin.id);
  const suppliers = await createTable(ctx, { name: "suppliers", displayName: "Suppliers", description: null, columns: { columns: [{ key: "name", label: "Name", type: "text", required: true }] } });
  const products = await createTable(ctx, {
    name: "products",
    displayName: "Products",
    description: null,
    columns: { columns: [...PRODUCT_COLUMNS, { key: "supplier", label: "Supplier", type: "relation", tableId: suppliers.id, displayColumn: "name" }] },
  });
  return { company, admin, ctx, suppliers, products };
}

const query = (input: Partial<TRecordListQuery> = {}) => ZRecordListQuery.parse(input);

describe("tables and records", () => {
  it("builds the per-table indexes the schema asks for, and drops them when columns go", async () => {
    const { ctx, products } = await setup();
    const indexes = async () =>
      (await db.$queryRawUnsafe<{ indexdef: string }[]>(`SELECT indexdef FROM pg_indexes WHERE indexname LIKE $1`, `${indexPrefix(products.id)}%`)).map((row) => row.indexdef);
    const before = await indexes();
    expect(before.some((definition) => /UNIQUE INDEX .*md5\(\(data ->> 'sku'::text\)\)/.test(definition))).toBe(true);
    expect(before.some((definition) => /gin_trgm_ops/.test(definition) && definition.includes("'name'"))).toBe(true);
    expect(before.some((definition) => definition.includes("((data ->> 'price'::text))::numeric"))).toBe(true);
    expect(before.every((definition) => definition.includes(`"tableId" = '${products.id}'::uuid`))).toBe(true);
    const table = await db.customTable.findUniqueOrThrow({ where: { id: products.id } });
    await updateTable(ctx, { tableId: products.id, displayName: "Products", description: null, columns: { columns: [{ key: "name", label: "Name", type: "text", required: true, indexed: false }] }, expectedUpdatedAt: table.updatedAt.toISOString() });
    expect(await indexes()).toEqual([]);
  });

  it("stores checked values with defaults, formulas and gap-free auto-numbers; refuses bad values by column", async () => {
    const { ctx, products, suppliers } = await setup();
    const acme = await createRecord(ctx, { tableId: suppliers.id, values: { name: "Acme" } });
    const hammer = await createRecord(ctx, { tableId: products.id, values: { name: "Hammer", sku: "H-1", price: "12.5", stock: 4, supplier: acme.id } });
    expect(hammer.data).toEqual({ name: "Hammer", sku: "H-1", price: 12.5, stock: 4, value: 50, number: 1 });
    expect(hammer.autoNumber).toBe(1);
    const error = await createRecord(ctx, { tableId: products.id, values: { price: "abc", category: "cars", supplier: "00000000-0000-4000-8000-000000000000" } }).catch((caught) => caught);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["category", "name", "price"]);
    await expect(createRecord(ctx, { tableId: products.id, values: { name: "Nail", supplier: "00000000-0000-4000-8000-000000000000" } })).rejects.toMatchObject({
      fieldErrors: { supplier: ["Supplier names a record that does not exist (or was deleted)"] },
    });
    const duplicate = await createRecord(ctx, { tableId: products.id, values: { name: "Other", sku: "H-1" } }).catch((caught) => caught);
    expect(duplicate).toMatchObject({ code: "VALIDATION", fieldErrors: { sku: ["Another record already has this SKU"] } });
    // Failed inserts took no number: the next record is 2.
    expect((await createRecord(ctx, { tableId: products.id, values: { name: "Saw" } })).autoNumber).toBe(2);
    const detail = await getRecord(ctx.companyId, { id: products.id }, hammer.id);
    expect(detail.links.supplier).toEqual([{ id: acme.id, label: "Acme" }]);
    const supplier = await getRecord(ctx.companyId, { name: "suppliers" }, acme.id);
    expect(supplier.linkedFrom).toEqual([{ tableId: products.id, tableName: "Products", column: "Supplier", records: [{ id: hammer.id, label: "Hammer" }] }]);
  });

  it("gives 20 parallel inserts the numbers 1..20 exactly once", async () => {
    const { ctx, products } = await setup();
    const created = await Promise.all(Array.from({ length: 20 }, (_, index) => createRecord(ctx, { tableId: products.id, values: { name: `Item ${index}` } })));
    expect(created.map((record) => record.autoNumber).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it("keeps both of two concurrent edits to different columns, and refuses a stale edit of the same column", async () => {
    const { ctx, products, company } = await setup();
    const other = contextFor(company, (await createUser(db, company, { systemRole: "ADMIN" })).id);
    const record = await createRecord(ctx, { tableId: products.id, values: { name: "Drill", price: 80, stock: 2 } });
    await Promise.all([
      updateRecord(ctx, { tableId: products.id, recordId: record.id, values: { price: 90 }, base: { price: 80 } }),
      updateRecord(other, { tableId: products.id, recordId: record.id, values: { stock: 5 }, base: { stock: 2 } }),
    ]);
    const stored = await getRecord(ctx.companyId, { id: products.id }, record.id);
    expect(stored.data).toMatchObject({ price: 90, stock: 5, value: 450 });
    expect(stored.version).toBe(3);
    await expect(updateRecord(other, { tableId: products.id, recordId: record.id, values: { price: 70 }, base: { price: 80 } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/changed Price since you opened this record/),
    });
    expect((await getRecord(ctx.companyId, { id: products.id }, record.id)).data.price).toBe(90);
  });

  it("writes an outbox event and an audit entry with every change, in the same transaction", async () => {
    const { ctx, products } = await setup();
    const record = await createRecord(ctx, { tableId: products.id, values: { name: "Tape", stock: 1 } });
    await updateRecord(ctx, { tableId: products.id, recordId: record.id, values: { stock: 3 } });
    await updateRecord(ctx, { tableId: products.id, recordId: record.id, values: { stock: 3 } }); // no change → no event
    await deleteRecords(ctx, { tableId: products.id, recordIds: [record.id] });
    const events = await db.outboxEvent.findMany({ where: { companyId: ctx.companyId, entityId: record.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["DATABASE_ROW_CREATED", "DATABASE_ROW_UPDATED", "DATABASE_ROW_DELETED"]);
    expect(events[1]!.payload).toMatchObject({ table: "products", previous: { stock: 1 }, changed: ["stock"] });
    const audits = await db.auditLog.findMany({ where: { companyId: ctx.companyId, entityId: record.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((entry) => entry.action)).toEqual(["record.created", "record.updated", "record.deleted"]);
  });

  it("moves deleted records to the trash, restores them, and purges only from the trash", async () => {
    const { ctx, products } = await setup();
    const record = await createRecord(ctx, { tableId: products.id, values: { name: "Glue", sku: "G-1" } });
    await deleteRecords(ctx, { tableId: products.id, recordIds: [record.id] });
    expect((await listRecords(ctx.companyId, { id: products.id }, query())).items).toEqual([]);
    expect((await listRecords(ctx.companyId, { id: products.id }, query({ trash: true }))).items.map((item) => item.id)).toEqual([record.id]);
    // A deleted record's unique value is free again; restoring it then collides and says so.
    const twin = await createRecord(ctx, { tableId: products.id, values: { name: "Glue 2", sku: "G-1" } });
    await expect(restoreRecords(ctx, { tableId: products.id, recordIds: [record.id] })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { sku: [expect.any(String)] } });
    await deleteRecords(ctx, { tableId: products.id, recordIds: [twin.id] });
    expect(await restoreRecords(ctx, { tableId: products.id, recordIds: [record.id] })).toEqual({ count: 1 });
    expect(await purgeRecords(ctx, { tableId: products.id, recordIds: [record.id, twin.id] })).toEqual({ count: 1 });
    expect(await db.customTableRecord.count({ where: { id: twin.id } })).toBe(0);
    expect(await db.customTableRecord.count({ where: { id: record.id } })).toBe(1);
  });

  it("filters, searches, sorts and pages like a plain reading of the data", async () => {
    const { ctx, products, suppliers } = await setup();
    const acme = await createRecord(ctx, { tableId: suppliers.id, values: { name: "Acme" } });
    const globex = await createRecord(ctx, { tableId: suppliers.id, values: { name: "Globex" } });
    const categories = ["tools", "food", "toys"];
    for (let index = 0; index < 30; index++) {
      await createRecord(ctx, {
        tableId: products.id,
        values: {
          name: `${index % 2 ? "Blue" : "Red"} item ${index}`,
          price: index % 5 === 0 ? null : index * 10,
          category: categories[index % 3],
          tags: index % 4 === 0 ? ["sale"] : [],
          added: `2026-01-${String((index % 28) + 1).padStart(2, "0")}`,
          supplier: index % 2 ? acme.id : globex.id,
        },
      });
    }
    const names = async (input: Partial<TRecordListQuery>) => {
      const collected: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listRecords(ctx.companyId, { id: products.id }, query({ limit: 7, ...input, cursor }));
        collected.push(...page.items.map((item) => String(item.data.name)));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return collected;
    };
    const filter = (conditions: { column: string; op: string; value?: unknown; to?: unknown }[], match: "all" | "any" = "all") => ({ filter: { match, conditions } } as Partial<TRecordListQuery>);
    expect(await names({ ...filter([{ column: "name", op: "contains", value: "blue" }]) })).toHaveLength(15);
    expect((await names({ ...filter([{ column: "price", op: "between", value: 100, to: 150 }]) })).sort()).toEqual(["Blue item 11", "Blue item 13", "Red item 12", "Red item 14"]);
    expect(await names({ ...filter([{ column: "category", op: "in", value: ["food"] }]) })).toHaveLength(10);
    expect(await names({ ...filter([{ column: "added", op: "between", value: "2026-01-01", to: "2026-01-03" }]) })).toHaveLength(5);
    expect(await names({ ...filter([{ column: "supplier", op: "is", value: acme.id }]) })).toHaveLength(15);
    expect(await names({ ...filter([{ column: "tags", op: "has_any", value: ["sale"] }]) })).toHaveLength(8);
    expect(await names({ ...filter([{ column: "price", op: "is_empty" }, { column: "category", op: "in", value: ["tools"] }], "any") })).toHaveLength(14);
    expect(await names({ q: "item 2" })).toHaveLength(11);

    // Sorting by price ascending pages through values, then the empty ones, with no row twice.
    const ascending = await names({ sort: "price", direction: "asc" });
    expect(ascending).toHaveLength(30);
    expect(new Set(ascending).size).toBe(30);
    expect(ascending.slice(0, 3)).toEqual(["Blue item 1", "Red item 2", "Blue item 3"]);
    expect(ascending.slice(-6).every((name) => Number(name.split(" ").at(-1)) % 5 === 0)).toBe(true);
    const descending = await names({ sort: "price", direction: "desc" });
    expect(descending).toEqual([...ascending].reverse());

    const bad = await listRecords(ctx.companyId, { id: products.id }, query(filter([{ column: "price", op: "contains", value: "x" }, { column: "nope", op: "equals", value: 1 }]))).catch((caught) => caught);
    expect(bad).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["filter.conditions.0.op", "filter.conditions.1.column"]);
    const page = await listRecords(ctx.companyId, { id: products.id }, query({ limit: 5 }));
    expect(page).toMatchObject({ count: 30, countCapped: false });
  });

  it("previews a type change, refuses it while rows would fail, and converts in one transaction when all can", async () => {
    const { ctx, products } = await setup();
    const one = await createRecord(ctx, { tableId: products.id, values: { name: "A", sku: "12" } });
    const two = await createRecord(ctx, { tableId: products.id, values: { name: "B", sku: "x-2" } });
    const retyped = (required = false) => ({ columns: PRODUCT_COLUMNS.map((column) => (column.key === "sku" ? { key: "sku", label: "SKU", type: "number" as const, required } : column)) });
    const preview = await previewTableSchema(ctx, { tableId: products.id, columns: retyped() });
    expect(preview.changes).toContainEqual({ kind: "retyped", key: "sku", label: "SKU", from: "text", to: "number" });
    expect(preview.conversions).toEqual([{ key: "sku", label: "SKU", convertible: 1, failing: 1, samples: [{ recordId: two.id, value: "x-2", message: "SKU must be a number" }] }]);
    const refused = await updateTable(ctx, { tableId: products.id, displayName: "Products", description: null, columns: retyped() }).catch((caught) => caught);
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { "columns.1.type": [expect.stringMatching(/^1 of 2 records cannot take this change/)] } });
    expect((await getRecord(ctx.companyId, { id: products.id }, one.id)).data.sku).toBe("12");
    await updateRecord(ctx, { tableId: products.id, recordId: two.id, values: { sku: "7" } });
    await updateTable(ctx, { tableId: products.id, displayName: "Products", description: null, columns: retyped() });
    expect((await getRecord(ctx.companyId, { id: products.id }, one.id)).data.sku).toBe(12);
    expect((await getRecord(ctx.companyId, { id: products.id }, two.id)).data.sku).toBe(7);
  });

  it("refuses to archive a table others relate to, naming them; other companies see nothing", async () => {
    const { ctx, suppliers, products } = await setup();
    await expect(archiveTable(ctx, { tableId: suppliers.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Products \(Supplier\)/) });
    // Products names its suppliers by their "name": that column cannot go while it does.
    await expect(updateTable(ctx, { tableId: suppliers.id, displayName: "Suppliers", description: null, columns: { columns: [{ key: "code", label: "Code", type: "text" }] } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { columns: ["Used to name records by: Products (Supplier)"] },
    });
    const stranger = await createCompany(db);
    const strangerCtx = contextFor(stranger, (await createUser(db, stranger, { systemRole: "ADMIN" })).id);
    await expect(createRecord(strangerCtx, { tableId: products.id, values: { name: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listRecords(stranger.id, { id: products.id }, query())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await archiveTable(ctx, { tableId: products.id });
    await archiveTable(ctx, { tableId: suppliers.id });
  });
});
