// Datasets and data-backed options on real PostgreSQL: sections are validated, saves detect
// conflicts, visibility limits who reads a dataset (invisible = not found), only published datasets
// feed forms, and table columns offer their live values — searched at fill time, checked at submit.
import { afterAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { allowedValues, searchOptions } from "@/lib/datasets/options";
import { getDataset, listDatasets } from "@/lib/datasets/queries";
import { ZCreateDataset, ZUpdateDataset } from "@/lib/datasets/schema";
import { createDataset, setDatasetStatus, updateDataset } from "@/lib/datasets/service";
import { createForm, publishForm, submitForm } from "@/lib/forms/service";
import { createRecord, deleteRecords } from "@/lib/tables/record-service";
import { createTable } from "@/lib/tables/table-service";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

function principalOf(user: { id: string; companyId: string; systemRole: Principal["systemRole"]; email: string; departmentId: string | null }, roleIds: string[] = []): Principal {
  return { kind: "user", sessionId: user.id, userId: user.id, companyId: user.companyId, systemRole: user.systemRole, email: user.email, name: "Test", departmentId: user.departmentId, roleIds, permissions: new Set() };
}

const CATEGORIES = { key: "categories", title: "Categories", items: [{ value: "travel", label: "Travel" }, { value: "meals", label: "Meals" }, { value: "hotel", label: "Hotel stays" }] };

async function setup() {
  const company = await createCompany(db);
  const adminUser = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, adminUser.id);
  const finance = await db.department.create({ data: { companyId: company.id, name: "Finance" } });
  const sales = await db.department.create({ data: { companyId: company.id, name: "Sales" } });
  const accountant = await createUser(db, company, { departmentId: finance.id });
  const seller = await createUser(db, company, { departmentId: sales.id });
  return { company, ctx, admin: principalOf(adminUser), accountant: principalOf(accountant), seller: principalOf(seller), finance };
}

describe("datasets", () => {
  it("validates sections, detects conflicting saves, and feeds forms only once published", async () => {
    const { ctx, admin } = await setup();
    expect(ZCreateDataset.safeParse({ name: "X", sections: [CATEGORIES, CATEGORIES] }).error?.issues[0]?.message).toBe('The key "categories" is already used');
    expect(ZCreateDataset.safeParse({ name: "X", sections: [{ ...CATEGORIES, items: [...CATEGORIES.items, CATEGORIES.items[0]] }] }).error?.issues[0]?.path).toEqual(["sections", 0, "items", 3, "value"]);
    const dataset = await createDataset(ctx, ZCreateDataset.parse({ name: "Expense", category: "Finance", sections: [CATEGORIES] }));
    const source = { kind: "dataset" as const, datasetId: dataset.id, sectionKey: "categories" };
    expect(await searchOptions(admin, source)).toEqual({ options: [], truncated: false });
    await setDatasetStatus(ctx, { id: dataset.id, status: "PUBLISHED" });
    expect((await searchOptions(admin, source, { q: "ho" })).options).toEqual([{ value: "hotel", label: "Hotel stays" }]);
    expect((await searchOptions(admin, source, { limit: 2 })).truncated).toBe(true);

    const edit = ZUpdateDataset.parse({ id: dataset.id, name: "Expense", sections: [{ ...CATEGORIES, items: CATEGORIES.items.slice(0, 1) }], expectedUpdatedAt: dataset.updatedAt.toISOString() });
    await expect(updateDataset(ctx, edit)).rejects.toMatchObject({ code: "CONFLICT" }); // published since: updatedAt moved
    const fresh = await getDataset(admin, dataset.id);
    await updateDataset(ctx, { ...edit, expectedUpdatedAt: fresh.updatedAt.toISOString() });
    expect((await allowedValues(admin, [{ key: "category", source, candidates: ["meals"] }])).get("category")).toEqual(["travel"]);
    await expect(createDataset(ctx, ZCreateDataset.parse({ name: "Expense", sections: [] }))).rejects.toMatchObject({ fieldErrors: { name: ["A dataset with this name already exists"] } });
  });

  it("shows a restricted dataset only to its departments and roles; to others it does not exist", async () => {
    const { ctx, admin, accountant, seller, finance } = await setup();
    const dataset = await createDataset(ctx, ZCreateDataset.parse({ name: "Cost centres", sections: [CATEGORIES], visibility: { departmentIds: [finance.id] } }));
    await setDatasetStatus(ctx, { id: dataset.id, status: "PUBLISHED" });
    expect((await listDatasets(accountant)).map((entry) => entry.name)).toEqual(["Cost centres"]);
    expect(await listDatasets(seller)).toEqual([]);
    await expect(getDataset(seller, dataset.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const source = { kind: "dataset" as const, datasetId: dataset.id, sectionKey: "categories" };
    expect((await searchOptions(seller, source)).options).toEqual([]);
    expect((await searchOptions(accountant, source)).options).toHaveLength(3);
    expect((await listDatasets(admin)).map((entry) => entry.name)).toEqual(["Cost centres"]);
    await setDatasetStatus(ctx, { id: dataset.id, status: "ARCHIVED" });
    expect(await listDatasets(admin)).toEqual([]);
    expect((await listDatasets(admin, { includeArchived: true })).map((entry) => entry.status)).toEqual(["ARCHIVED"]);
  });

  it("offers a table column's live values, searched, and accepts only values that exist", async () => {
    const { ctx, admin } = await setup();
    const vendors = await createTable(ctx, { name: "vendors", displayName: "Vendors", description: null, columns: { columns: [{ key: "name", label: "Name", type: "text" }] } });
    for (const name of ["Acme", "Globex", "Initech", "Acme"]) await createRecord(ctx, { tableId: vendors.id, values: { name } });
    const gone = await createRecord(ctx, { tableId: vendors.id, values: { name: "Umbrella" } });
    await deleteRecords(ctx, { tableId: vendors.id, recordIds: [gone.id] });
    const source = { kind: "table" as const, tableId: vendors.id, column: "name" };
    expect((await searchOptions(admin, source)).options.map((option) => option.value)).toEqual(["Acme", "Globex", "Initech"]);
    expect((await searchOptions(admin, source, { q: "glo" })).options).toEqual([{ value: "Globex", label: "Globex" }]);
    expect((await allowedValues(admin, [{ key: "vendor", source, candidates: ["Acme", "Umbrella", "Nope"] }])).get("vendor")).toEqual(["Acme"]);
    expect((await searchOptions(admin, { ...source, column: "missing" })).options).toEqual([]);
    const stranger = await createCompany(db);
    const outsider = principalOf(await createUser(db, stranger, { systemRole: "ADMIN" }));
    expect((await searchOptions(outsider, source)).options).toEqual([]);
  });

  it("judges a submission's data-backed fields by what the sources offer at submit time", async () => {
    const { ctx, company } = await setup();
    const dataset = await createDataset(ctx, ZCreateDataset.parse({ name: "Expense", sections: [CATEGORIES] }));
    await setDatasetStatus(ctx, { id: dataset.id, status: "PUBLISHED" });
    const vendors = await createTable(ctx, { name: "vendors", displayName: "Vendors", description: null, columns: { columns: [{ key: "name", label: "Name", type: "text" }] } });
    await createRecord(ctx, { tableId: vendors.id, values: { name: "Acme" } });
    const definition = {
      schemaVersion: 1,
      fields: [
        { key: "category", type: "dropdown", label: "Category", required: true, source: { kind: "dataset", datasetId: dataset.id, sectionKey: "categories" } },
        { key: "vendors", type: "multi_select", label: "Vendors", source: { kind: "table", tableId: vendors.id, column: "name" } },
      ],
      logic: [],
    };
    const form = await createForm(ctx, { name: "Purchase", description: null, standalone: true, definition });
    await publishForm(ctx, { taskId: form.id, changeNote: null });
    await expect(submitForm(ctx, { taskId: form.id, data: { category: "boats", vendors: ["Acme", "Nope"] } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { category: ["Choose one of the options offered for Category"], vendors: ["Choose only options offered for Vendors"] },
    });
    const stored = await submitForm(ctx, { taskId: form.id, data: { category: "meals", vendors: ["Acme"] } });
    expect(stored.data).toEqual({ category: "meals", vendors: ["Acme"] });
    expect(await db.taskExecution.count({ where: { companyId: company.id } })).toBe(1);
  });
});
