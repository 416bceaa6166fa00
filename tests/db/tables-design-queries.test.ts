// The designer's reads on real PostgreSQL: a table loads with its description and columns by key,
// only in its own company and only while live; relation-target choices list the company's live
// tables with their columns, never another company's. The save preview judges a relation to the
// table itself by the columns being saved.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getTableDesign, listTableColumnChoices } from "@/lib/tables/queries";
import { archiveTable, createTable, previewTableSchema } from "@/lib/tables/table-service";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function companyWithTables() {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, admin.id);
  const customers = await createTable(ctx, {
    name: "customers",
    displayName: "Customers",
    description: "Who buys from us",
    columns: { columns: [{ key: "name", label: "Name", type: "text", required: true }, { key: "tier", label: "Tier", type: "single_select", options: [{ value: "Gold" }] }] },
  });
  return { company, ctx, customers };
}

const notFound = (error: unknown) => isAppError(error) && error.code === "NOT_FOUND";

describe("table designer queries", () => {
  it("loads a table by key with its description and parsed columns (defaults applied)", async () => {
    const { company, customers } = await companyWithTables();
    const design = await getTableDesign(company.id, "customers");
    expect(design).toMatchObject({ id: customers.id, name: "customers", displayName: "Customers", description: "Who buys from us" });
    expect(design.columns.map((column) => column.key)).toEqual(["name", "tier"]);
    expect(design.columns[1]).toMatchObject({ type: "single_select", options: [{ value: "Gold", color: "gray" }], hidden: false, indexed: true });
  });

  it("answers another company's table and an archived one exactly like a missing one", async () => {
    const { ctx, company, customers } = await companyWithTables();
    const other = await companyWithTables();
    await expect(getTableDesign(other.company.id, "nope")).rejects.toSatisfy(notFound);
    // Same key in both companies: each sees its own.
    expect((await getTableDesign(other.company.id, "customers")).id).not.toBe(customers.id);
    await archiveTable(ctx, { tableId: customers.id });
    await expect(getTableDesign(company.id, "customers")).rejects.toSatisfy(notFound);
  });

  it("lists the company's live tables with their columns as relation choices", async () => {
    const { ctx, company, customers } = await companyWithTables();
    await companyWithTables();
    const orders = await createTable(ctx, {
      name: "orders",
      displayName: "Orders",
      description: null,
      columns: { columns: [{ key: "title", label: "Title", type: "text" }, { key: "customer", label: "Customer", type: "relation", tableId: customers.id, displayColumn: "name" }] },
    });
    const archived = await createTable(ctx, { name: "old", displayName: "Old", description: null });
    await archiveTable(ctx, { tableId: archived.id });
    const choices = await listTableColumnChoices(company.id);
    expect(choices.map((choice) => choice.id)).toEqual([customers.id, orders.id]);
    expect(choices[1]!.columns).toEqual([
      { key: "title", label: "Title", type: "text" },
      { key: "customer", label: "Customer", type: "relation" },
    ]);
  });

  it("previews a new relation to the table itself whose display column is also new", async () => {
    const { ctx, customers } = await companyWithTables();
    const columns = {
      columns: [
        { key: "name", label: "Name", type: "text", required: true },
        { key: "code", label: "Code", type: "text" },
        { key: "parent", label: "Parent", type: "relation", tableId: customers.id, displayColumn: "code" },
      ],
    };
    const preview = await previewTableSchema(ctx, { tableId: customers.id, columns });
    expect(preview.changes).toEqual([{ kind: "added", key: "code" }, { kind: "added", key: "parent" }, { kind: "removed", key: "tier", label: "Tier" }]);
  });
});
