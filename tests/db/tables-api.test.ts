// The custom-tables REST API through the real guard (API keys) on real PostgreSQL: create a table and
// records, filter with JSON, problem JSON for bad input, 409 for a stale edit, 403 without the
// scope, and another company's table is a plain 404.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Route handlers import the session guard; these tests authenticate with API keys only.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
import * as recordRoute from "@/app/api/v1/tables/[key]/records/[id]/route";
import * as recordsRoute from "@/app/api/v1/tables/[key]/records/route";
import * as tableRoute from "@/app/api/v1/tables/[key]/route";
import * as tablesRoute from "@/app/api/v1/tables/route";
import { db } from "@/lib/db";
import { apiKey, call } from "../support/api";
import { createCompany, createUser } from "../support/fixtures";

const tokens = {} as Record<"admin" | "reader" | "foreign", string>;


beforeAll(async () => {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const all = ["tables.view", "tables.create", "tables.update", "tables.delete", "records.view", "records.create", "records.update", "records.delete"];
  tokens.admin = await apiKey(company.id, admin.id, all);
  tokens.reader = await apiKey(company.id, admin.id, ["tables.view", "records.view"]);
  const other = await createCompany(db);
  tokens.foreign = await apiKey(other.id, (await createUser(db, other, { systemRole: "ADMIN" })).id, all);
});
afterAll(() => db.$disconnect());


describe("/api/v1/tables", () => {
  it("creates a table and records, filters them, and explains every refusal", async () => {
    const created = await call(tablesRoute.POST, {}, {
      token: tokens.admin,
      path: "/api/v1/tables",
      body: { name: "assets", displayName: "Assets", columns: { columns: [{ key: "name", label: "Name", type: "text", required: true }, { key: "cost", label: "Cost", type: "number" }] } },
    });
    expect(created.status).toBe(201);
    const again = await call(tablesRoute.POST, {}, { token: tokens.admin, path: "/api/v1/tables", body: { name: "assets", displayName: "Again" } });
    expect(again).toMatchObject({ status: 422, json: { errors: { name: ['A table with the key "assets" already exists'] } } });

    const records = (body: unknown) => call(recordsRoute.POST, { key: "assets" }, { token: tokens.admin, path: "/api/v1/tables/assets/records", body });
    const laptop = await records({ values: { name: "Laptop", cost: 1200 } });
    expect(laptop).toMatchObject({ status: 201, json: { data: { name: "Laptop", cost: 1200 } } });
    await records({ values: { name: "Chair", cost: 150 } });
    const invalid = await records({ values: { cost: "lots" } });
    expect(invalid.status).toBe(422);
    expect(invalid.type).toMatch(/application\/problem\+json/);
    expect(invalid.json.errors).toEqual({ name: ["Name is required"], cost: ["Cost must be a number"] });

    const filter = encodeURIComponent(JSON.stringify({ conditions: [{ column: "cost", op: "gte", value: 1000 }] }));
    const list = await call(recordsRoute.GET, { key: "assets" }, { token: tokens.reader, path: `/api/v1/tables/assets/records?filter=${filter}&sort=cost&direction=asc` });
    expect(list.status).toBe(200);
    expect(list.json.items.map((item: { data: { name: string } }) => item.data.name)).toEqual(["Laptop"]);
    const badFilter = await call(recordsRoute.GET, { key: "assets" }, { token: tokens.reader, path: "/api/v1/tables/assets/records?filter=%7Bnope" });
    expect(badFilter).toMatchObject({ status: 422, json: { errors: { filter: ["Send the filter as JSON"] } } });

    const id = laptop.json.id as string;
    const patch = (token: string, body: unknown) => call(recordRoute.PATCH, { key: "assets", id }, { token, method: "PATCH", path: `/api/v1/tables/assets/records/${id}`, body });
    expect(await patch(tokens.admin, { values: { cost: 1100 }, base: { cost: 1200 } })).toMatchObject({ status: 200, json: { data: { cost: 1100 } } });
    expect((await patch(tokens.admin, { values: { cost: 1000 }, base: { cost: 1200 } })).status).toBe(409);
    expect((await patch(tokens.reader, { values: { cost: 1 } })).status).toBe(403);

    expect((await call(recordRoute.GET, { key: "assets", id }, { token: tokens.foreign, path: `/api/v1/tables/assets/records/${id}` })).status).toBe(404);
    expect((await call(tableRoute.GET, { key: "assets" }, { token: tokens.foreign, path: "/api/v1/tables/assets" })).status).toBe(404);

    expect((await call(recordRoute.DELETE, { key: "assets", id }, { token: tokens.admin, method: "DELETE", path: `/api/v1/tables/assets/records/${id}` })).status).toBe(204);
    const after = await call(recordsRoute.GET, { key: "assets" }, { token: tokens.reader, path: "/api/v1/tables/assets/records" });
    expect(after.json.items.map((item: { data: { name: string } }) => item.data.name)).toEqual(["Chair"]);
    const trash = await call(recordsRoute.GET, { key: "assets" }, { token: tokens.reader, path: "/api/v1/tables/assets/records?trash=true" });
    expect(trash.json.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const schema = await call(tableRoute.GET, { key: "assets" }, { token: tokens.reader, path: "/api/v1/tables/assets" });
    expect(schema.json.columns.map((column: { key: string }) => column.key)).toEqual(["name", "cost"]);
  });
});
