// POST /api/v1/triggers/:id/run ("Run for real" over the API) through the real guard with API keys on
// real PostgreSQL: a sample or a past event runs the saved trigger's actions as a manual test run
// (201 with the execution); bad input is problem JSON (400/422); a key without triggers.update is 403;
// another company's trigger is 404.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined }),
}));

import * as runRoute from "@/app/api/v1/triggers/[id]/run/route";
import { generateApiKeyToken } from "@/lib/auth/api-key-token";
import { db } from "@/lib/db";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { createTable } from "@/lib/tables/table-service";
import { createTrigger } from "@/lib/triggers/service";
import { createCompany, createUser } from "../support/fixtures";
import { actingAs, loadDemo, type Demo } from "../support/flow-fixtures";

let demo: Demo;
const tokens = {} as Record<"runner" | "viewer" | "foreign", string>;

async function apiKey(companyId: string, userId: string, scopes: string[]) {
  const { token, prefix, hash } = generateApiKeyToken();
  await db.apiKey.create({ data: { companyId, name: "test", prefix, keyHash: hash, scopes, createdById: userId } });
  return token;
}

beforeAll(async () => {
  demo = await loadDemo(db);
  tokens.runner = await apiKey(demo.company.id, demo.people.admin.id, ["triggers.view", "triggers.update"]);
  tokens.viewer = await apiKey(demo.company.id, demo.people.admin.id, ["triggers.view"]);
  const other = await createCompany(db);
  tokens.foreign = await apiKey(other.id, (await createUser(db, other, { systemRole: "ADMIN" })).id, ["triggers.view", "triggers.update"]);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

async function run(token: string, id: string, body: string) {
  const response = await runRoute.POST(
    new Request(`http://localhost:3000/api/v1/triggers/${id}/run`, { method: "POST", body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
    { params: Promise.resolve({ id }) },
  );
  return { status: response.status, type: response.headers.get("content-type"), location: response.headers.get("location"), json: (await response.json()) as Record<string, any> };
}

describe("POST /api/v1/triggers/:id/run", () => {
  it("runs the saved trigger on a sample or a past event, and refuses bad input, missing permission and other companies", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const table = await createTable(admin, { name: `api_run_${Date.now()}`, displayName: "API run", description: null, columns: { columns: [{ key: "order", label: "Order", type: "text" }] } });
    const trigger = await createTrigger(admin, { name: "API run", eventType: "WEBHOOK_RECEIVED", actions: [{ type: "create_row", config: { tableId: table.id, values: { order: "{{payload.order}}" } } }] });

    const fromSample = await run(tokens.runner, trigger.id, JSON.stringify({ sample: { payload: { order: "API-1" } } }));
    expect(fromSample).toMatchObject({ status: 201, json: { executionId: expect.any(String), status: "SUCCESS" } });
    expect(fromSample.location).toBe(`/api/v1/trigger-executions/${fromSample.json.executionId}`);
    const execution = await db.triggerExecution.findUniqueOrThrow({ where: { id: fromSample.json.executionId } });
    expect(execution).toMatchObject({ triggerId: trigger.id, companyId: demo.company.id, testRunById: demo.people.admin.id, status: "SUCCESS" });
    expect((await db.customTableRecord.findFirstOrThrow({ where: { tableId: table.id } })).data).toMatchObject({ order: "API-1" });

    const fromEvent = await run(tokens.runner, trigger.id, JSON.stringify({ eventId: execution.eventId }));
    expect(fromEvent).toMatchObject({ status: 201, json: { status: "SUCCESS" } });
    expect(await db.customTableRecord.count({ where: { tableId: table.id } })).toBe(2);

    const badId = await run(tokens.runner, trigger.id, JSON.stringify({ eventId: "not-a-uuid" }));
    expect(badId.status).toBe(422);
    expect(badId.type).toMatch(/problem\+json/);
    expect(badId.json.errors).toHaveProperty("eventId");
    const notJson = await run(tokens.runner, trigger.id, "{sample:");
    expect(notJson).toMatchObject({ status: 400, type: expect.stringMatching(/problem\+json/) });
    const unknownEvent = await run(tokens.runner, trigger.id, JSON.stringify({ eventId: "00000000-0000-4000-8000-000000000000" }));
    expect(unknownEvent.status).toBe(404);

    expect((await run(tokens.viewer, trigger.id, "{}")).status).toBe(403);
    expect((await run(tokens.foreign, trigger.id, "{}")).status).toBe(404);
    expect(await db.customTableRecord.count({ where: { tableId: table.id } })).toBe(2);
    expect(await db.triggerExecution.count({ where: { triggerId: trigger.id } })).toBe(2);
  });
});
