// npx tsx bench/tables.ts [--rows N] [--keep] — prints, never asserts:
//   1. import rate (rows/s) through the app's import path (importBatch: per-row checks, relation
//      texts resolved, uniques, one transaction per 500-row batch, outbox events) with the table's
//      indexes in place, measured on the first IMPORT_ROWS rows;
//   2. the rest of the rows (default 1,000,000 in all) generated with SQL, then the indexes rebuilt
//      through the schema save (syncIndexes) — the index build time is printed;
//   3. p50/p95 of one filtered + sorted page of 50 rows for five typical filters (text contains,
//      number range, select in, date range, relation is) through listRecords (page + capped count +
//      relation labels), interleaved with the same page + count statements sent through plain `pg`
//      (the raw-SQL baseline); the ratio is the figure to quote.
// A 12-column table with a relation to a 1,000-row suppliers table. Server: DATABASE_URL or
// postgresql://postgres@127.0.0.1:5432/postgres; a scratch database is created and dropped.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { allowServerOnlyModules } from "@/lib/jobs/server-only-hook";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { SERVER, admin, fmt, percentile, withDatabase } from "./lib";

const argValue = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const ROWS = Number(argValue("--rows") ?? 1_000_000);
const IMPORT_ROWS = Math.min(ROWS, 20_000);
const SUPPLIERS = 1_000;
const QUERIES = 40;


const WORDS = Array.from({ length: 1_000 }, (_, index) => `${["alpha", "bravo", "delta", "kappa", "omega", "sigma", "tango", "zulu"][index % 8]}${index}`);
const STATUSES = ["new", "paid", "shipped", "delivered", "returned"];

const ORDER_COLUMNS = (suppliersId: string, indexed: boolean) => [
  { key: "title", label: "Title", type: "text", required: true, indexed },
  { key: "customer", label: "Customer", type: "text", indexed },
  { key: "amount", label: "Amount", type: "number", indexed },
  { key: "quantity", label: "Quantity", type: "number", indexed },
  { key: "price", label: "Price", type: "currency", currency: "EUR", indexed },
  { key: "status", label: "Status", type: "single_select", options: STATUSES.map((value) => ({ value })), indexed },
  { key: "tags", label: "Tags", type: "multi_select", options: [{ value: "rush" }, { value: "gift" }, { value: "b2b" }], indexed },
  { key: "ordered", label: "Ordered", type: "date", indexed },
  { key: "shipped_at", label: "Shipped at", type: "datetime", indexed },
  { key: "paid", label: "Paid", type: "boolean", indexed },
  { key: "notes", label: "Notes", type: "long_text", indexed: false },
  { key: "supplier", label: "Supplier", type: "relation", tableId: suppliersId, displayColumn: "name", indexed },
];

async function main() {
  const name = `flowright_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const url = withDatabase(SERVER, name);
  console.log(`Custom tables benchmark — ${fmt(ROWS)} rows — scratch database ${name}`);
  await admin(`CREATE DATABASE "${name}"`);
  try {
    const migrated = runPrisma(["migrate", "deploy"], { databaseUrl: url, capture: true });
    if (migrated.status !== 0) throw new Error(`Migrating the scratch database failed:\n${migrated.stdout}\n${migrated.stderr}`);
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
    allowServerOnlyModules();
    await run(url);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    if (process.argv.includes("--keep")) console.log(`Kept the scratch database: ${url}`);
    else await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: unknown) => console.error(`Could not drop ${name}: ${(error as Error).message}`));
  }
}

async function run(url: string) {
  const { db } = await import("@/lib/db");
  const { createTable, updateTable } = await import("@/lib/tables/table-service");
  const { importBatch } = await import("@/lib/tables/import");
  const { listRecords, getTable } = await import("@/lib/tables/queries");
  const { buildRecordQuery, ZRecordListQuery } = await import("@/lib/tables/record-query");

  const company = await db.company.create({ data: { name: "Bench Co", slug: `bench-${randomBytes(4).toString("hex")}` } });
  const user = await db.user.create({ data: { companyId: company.id, email: `bench-${randomBytes(4).toString("hex")}@example.com`, passwordHash: "x", firstName: "Bench", lastName: "User", systemRole: "ADMIN" } });
  const ctx = { companyId: company.id, actorId: user.id, actorType: "USER" as const, ipAddress: null, userAgent: "bench", principal: null };

  const suppliers = await createTable(ctx, { name: "suppliers", displayName: "Suppliers", description: null, columns: { columns: [{ key: "name", label: "Name", type: "text", required: true, unique: true }] } });
  for (let start = 0; start < SUPPLIERS; start += 500) {
    await importBatch(ctx, { tableId: suppliers.id, rows: Array.from({ length: 500 }, (_, index) => ({ name: `Supplier ${start + index}` })), firstRow: 2, dryRun: false });
  }
  const orders = await createTable(ctx, { name: "orders", displayName: "Orders", description: null, columns: { columns: ORDER_COLUMNS(suppliers.id, true) } });

  // 1. The app's import path, with indexes in place.
  const row = (n: number) => ({
    title: `Order ${WORDS[n % WORDS.length]} ${n}`,
    customer: `Customer ${n % 5_000}`,
    amount: (n * 7919) % 100_000,
    quantity: (n % 20) + 1,
    price: ((n * 31) % 10_000) / 100,
    status: STATUSES[n % 20 === 0 ? 4 : n % 4],
    tags: n % 10 === 0 ? ["rush"] : [],
    ordered: new Date(Date.UTC(2025, 0, 1) + (n % 730) * 86_400_000).toISOString().slice(0, 10),
    shipped_at: new Date(Date.UTC(2025, 0, 2) + (n % 730) * 86_400_000 + (n % 86_400) * 1000).toISOString(),
    paid: n % 3 === 0,
    notes: n % 50 === 0 ? `Note for order ${n}` : null,
    supplier: `Supplier ${n % SUPPLIERS}`,
  });
  const importStart = performance.now();
  for (let start = 0; start < IMPORT_ROWS; start += 500) {
    const size = Math.min(500, IMPORT_ROWS - start);
    const result = await importBatch(ctx, { tableId: orders.id, rows: Array.from({ length: size }, (_, index) => row(start + index)), firstRow: start + 2, dryRun: false });
    if (result.failed.length) throw new Error(`Import refused rows: ${JSON.stringify(result.failed.slice(0, 2))}`);
  }
  const importSeconds = (performance.now() - importStart) / 1000;
  console.log(`\n1. Import through the app (importBatch, 500-row transactions, indexes in place): ${fmt(IMPORT_ROWS)} rows in ${fmt(importSeconds, 1)} s = ${fmt(IMPORT_ROWS / importSeconds)} rows/s`);

  // 2. The rest by SQL, without indexes; then the schema save rebuilds them.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (ROWS > IMPORT_ROWS) {
    const current = await db.customTable.findUniqueOrThrow({ where: { id: orders.id } });
    await updateTable(ctx, { tableId: orders.id, displayName: "Orders", description: null, columns: { columns: ORDER_COLUMNS(suppliers.id, false) }, expectedUpdatedAt: current.updatedAt.toISOString() });
    const fillStart = performance.now();
    for (let start = IMPORT_ROWS; start < ROWS; start += 100_000) {
      const end = Math.min(ROWS, start + 100_000) - 1;
      await client.query(
        `WITH words AS (SELECT array_agg(w ORDER BY i) AS w FROM unnest($3::text[]) WITH ORDINALITY AS t(w, i)),
              sup AS (SELECT array_agg(id ORDER BY (data->>'name')) AS ids FROM custom_table_records WHERE "tableId" = $4::uuid),
              ins AS (
                INSERT INTO custom_table_records (id, "companyId", "tableId", data, "createdById", "updatedById", "updatedAt", "createdAt")
                SELECT gen_random_uuid(), $1::uuid, $2::uuid, jsonb_strip_nulls(jsonb_build_object(
                  'title', 'Order ' || words.w[(n % 1000) + 1] || ' ' || n,
                  'customer', 'Customer ' || (n % 5000),
                  'amount', (n::bigint * 7919) % 100000,
                  'quantity', (n % 20) + 1,
                  'price', ((n::bigint * 31) % 10000) / 100.0,
                  'status', (ARRAY['new','paid','shipped','delivered','returned'])[CASE WHEN n % 20 = 0 THEN 5 ELSE (n % 4) + 1 END],
                  'tags', CASE WHEN n % 10 = 0 THEN '["rush"]'::jsonb ELSE NULL END,
                  'ordered', to_char(date '2025-01-01' + (n % 730), 'YYYY-MM-DD'),
                  'shipped_at', to_char((timestamp '2025-01-02' + (n % 730) * interval '1 day' + (n % 86400) * interval '1 second'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'paid', n % 3 = 0,
                  'notes', CASE WHEN n % 50 = 0 THEN 'Note for order ' || n END)), $5::uuid, $5::uuid, now(), now() - (n || ' seconds')::interval
                FROM generate_series($6::int, $7::int) AS n, words
                RETURNING id, ((data->>'amount')::bigint) AS n)
         INSERT INTO record_links ("companyId", "fromRecordId", "columnKey", "toRecordId")
         SELECT $1::uuid, ins.id, 'supplier', sup.ids[(ins.n % 1000) + 1] FROM ins, sup`,
        [company.id, orders.id, WORDS, suppliers.id, user.id, start, end],
      );
    }
    console.log(`2. Generated ${fmt(ROWS - IMPORT_ROWS)} more rows with SQL in ${fmt((performance.now() - fillStart) / 1000, 1)} s`);
    const indexStart = performance.now();
    const again = await db.customTable.findUniqueOrThrow({ where: { id: orders.id } });
    await updateTable(ctx, { tableId: orders.id, displayName: "Orders", description: null, columns: { columns: ORDER_COLUMNS(suppliers.id, true) }, expectedUpdatedAt: again.updatedAt.toISOString() });
    console.log(`   Rebuilt the table's indexes through the schema save in ${fmt((performance.now() - indexStart) / 1000, 1)} s`);
  }
  await client.query("VACUUM ANALYZE custom_table_records");
  await client.query("VACUUM ANALYZE record_links");

  // 3. Filtered pages: the app path against the same statements through plain pg, interleaved.
  const supplierRow = await client.query<{ id: string }>(`SELECT id FROM custom_table_records WHERE "tableId" = $1 AND data->>'name' = 'Supplier 42'`, [suppliers.id]);
  const filters: { label: string; query: Record<string, unknown> }[] = [
    { label: "text contains (title ~ 'kappa43')", query: { filter: { conditions: [{ column: "title", op: "contains", value: "kappa43" }] }, sort: "createdAt", direction: "desc" } },
    { label: "number range (amount 5,000–5,200), sorted by amount", query: { filter: { conditions: [{ column: "amount", op: "between", value: 5_000, to: 5_200 }] }, sort: "amount", direction: "asc" } },
    { label: "select in (status = returned), newest first", query: { filter: { conditions: [{ column: "status", op: "in", value: ["returned"] }] }, sort: "createdAt", direction: "desc" } },
    { label: "date range (one week), sorted by date", query: { filter: { conditions: [{ column: "ordered", op: "between", value: "2025-03-01", to: "2025-03-07" }] }, sort: "ordered", direction: "asc" } },
    { label: "relation is (one supplier), newest first", query: { filter: { conditions: [{ column: "supplier", op: "is", value: supplierRow.rows[0]!.id }] }, sort: "createdAt", direction: "desc" } },
  ];
  const table = await getTable(company.id, { id: orders.id });
  console.log(`\n3. One page of 50 rows (+ capped count, + relation labels), ${QUERIES} runs each, after 5 warm-up runs:`);
  console.log(`   ${"filter".padEnd(56)} ${"app p50".padStart(9)} ${"app p95".padStart(9)} ${"raw p50".padStart(9)} ${"raw p95".padStart(9)} ${"ratio".padStart(6)}  rows`);
  for (const { label, query } of filters) {
    const parsed = ZRecordListQuery.parse({ ...query, limit: 50 });
    const statements = buildRecordQuery(company.id, orders.id, table.schema, parsed);
    const app: number[] = [];
    const raw: number[] = [];
    let matched = 0;
    for (let index = 0; index < QUERIES + 5; index++) {
      let started = performance.now();
      const page = await listRecords(company.id, { id: orders.id }, parsed);
      if (index >= 5) app.push(performance.now() - started);
      matched = page.countCapped ? COUNT_CAP_PLUS : page.count;
      started = performance.now();
      let rows = 0;
      for (const statement of statements.pages) {
        if (rows > 50) break;
        rows += (await client.query(statement.text, statement.values)).rowCount ?? 0;
      }
      await client.query(statements.count.text, statements.count.values);
      if (index >= 5) raw.push(performance.now() - started);
    }
    app.sort((a, b) => a - b);
    raw.sort((a, b) => a - b);
    const ratio = percentile(app, 50) / percentile(raw, 50);
    console.log(`   ${label.padEnd(56)} ${fmt(percentile(app, 50), 1).padStart(7)}ms ${fmt(percentile(app, 95), 1).padStart(7)}ms ${fmt(percentile(raw, 50), 1).padStart(7)}ms ${fmt(percentile(raw, 95), 1).padStart(7)}ms ${fmt(ratio, 2).padStart(5)}×  ${matched === COUNT_CAP_PLUS ? "1,000+" : fmt(matched)}`);
  }
  console.log("   (ratio = app p50 / raw p50; the app adds Prisma's raw-query overhead, the schema load and the relation-label query)");
  await client.end();
  await db.$disconnect();
}

const COUNT_CAP_PLUS = -1;

void main();
