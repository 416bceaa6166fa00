// Saved grid views on real PostgreSQL: private per user and company, replaced by name, audited, and
// gone with their table or user.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTable } from "@/lib/tables/table-service";
import { deleteTableView, listTableViews, saveTableView } from "@/lib/tables/views";
import { ZSaveTableView } from "@/lib/tables/view-state";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function setup() {
  const company = await createCompany(db);
  const alice = await createUser(db, company, { systemRole: "ADMIN" });
  const bob = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, alice.id);
  const table = await createTable(ctx, { name: "orders", displayName: "Orders", description: null, columns: { columns: [{ key: "amount", label: "Amount", type: "number" }] } });
  return { company, alice, bob, ctx, table };
}

const view = (tableId: string, name: string, sort = "amount") =>
  ZSaveTableView.parse({ tableId, name, config: { sort, direction: "asc", hidden: ["x"], filter: { match: "all", conditions: [{ column: "amount", op: "gte", value: 10 }] } } });

describe("saved table views", () => {
  it("keeps views per user; saving an existing name replaces it; each save is audited", async () => {
    const { company, alice, bob, ctx, table } = await setup();
    const saved = await saveTableView(ctx, view(table.id, "Big orders"));
    await saveTableView(ctx, view(table.id, "Big orders", "createdAt"));
    await saveTableView(contextFor(company, bob.id), view(table.id, "Bob's"));
    const mine = await listTableViews(company.id, table.id, alice.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: saved.id, name: "Big orders", config: { sort: "createdAt", direction: "asc", hidden: ["x"], filter: { conditions: [{ column: "amount", op: "gte", value: 10 }] } } });
    expect((await listTableViews(company.id, table.id, bob.id)).map((row) => row.name)).toEqual(["Bob's"]);
    const actions = await db.auditLog.findMany({ where: { companyId: company.id, entity: "TableView" }, select: { action: true }, orderBy: { createdAt: "asc" } });
    expect(actions.map((row) => row.action)).toEqual(["table_view.created", "table_view.updated", "table_view.created"]);
  });

  it("refuses to delete another user's or another company's view as not found", async () => {
    const { company, alice, bob, ctx, table } = await setup();
    const saved = await saveTableView(ctx, view(table.id, "Mine"));
    await expect(deleteTableView(contextFor(company, bob.id), { tableId: table.id, viewId: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await setup();
    await expect(deleteTableView(other.ctx, { tableId: table.id, viewId: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveTableView(other.ctx, view(table.id, "Foreign"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listTableViews(company.id, table.id, alice.id)).toHaveLength(1);
    await deleteTableView(ctx, { tableId: table.id, viewId: saved.id });
    expect(await listTableViews(company.id, table.id, alice.id)).toEqual([]);
  });

  it("stores only configs that parse", () => {
    expect(ZSaveTableView.safeParse({ tableId: "8a3c3f4e-9f0b-4b5e-9a51-3f2d1c0b9a87", name: " ", config: {} }).success).toBe(false);
    expect(ZSaveTableView.safeParse({ tableId: "8a3c3f4e-9f0b-4b5e-9a51-3f2d1c0b9a87", name: "x", config: { filter: { conditions: [{ column: "a", op: "explode" }] } } }).success).toBe(false);
  });
});
