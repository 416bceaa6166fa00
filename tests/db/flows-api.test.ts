// The flow runner's REST API and server actions, called through the real guard (API keys for the
// routes, a server-side session for the actions) on real PostgreSQL: start with the Idempotency-Key
// header (Stripe semantics), list, detail, act with a 409 that names the winner, tenancy, and bulk
// approve/reject with a result per item.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ sessionId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (request.sessionId ? { sessionId: request.sessionId } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "http://localhost:3000", host: "localhost:3000", "user-agent": "vitest", "x-forwarded-for": "192.0.2.9" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import * as flowInstancesRoute from "@/app/api/v1/flows/[id]/instances/route";
import * as instanceActionsRoute from "@/app/api/v1/instances/[id]/actions/route";
import * as instanceRoute from "@/app/api/v1/instances/[id]/route";
import * as instancesRoute from "@/app/api/v1/instances/route";
import { db } from "@/lib/db";
import { bulkActAction } from "@/lib/flows/actions";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { apiKey, call } from "../support/api";
import { createCompany, createUser } from "../support/fixtures";
import { actingAs, expense, loadDemo, uploadFile, type Demo } from "../support/flow-fixtures";
import { openSession } from "../support/outcomes";

let demo: Demo;
const tokens = {} as Record<"employee" | "employee2" | "manager" | "finance" | "foreign", string>;


beforeAll(async () => {
  demo = await loadDemo(db);
  const scopes = ["instances.view", "instances.create", "instances.approve"];
  for (const who of ["employee", "employee2", "manager", "finance"] as const) tokens[who] = await apiKey(demo.company.id, demo.people[who].id, scopes);
  const other = await createCompany(db);
  tokens.foreign = await apiKey(other.id, (await createUser(db, other, { systemRole: "ADMIN" })).id, [...scopes, "instances.update"]);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});


const start = (token: string, body: unknown, headers?: Record<string, string>) =>
  call(flowInstancesRoute.POST, { id: demo.flow.id }, { token, path: `/api/v1/flows/${demo.flow.id}/instances`, body, headers });
const act = (token: string, instanceId: string, body: unknown, headers?: Record<string, string>) =>
  call(instanceActionsRoute.POST, { id: instanceId }, { token, path: `/api/v1/instances/${instanceId}/actions`, body, headers });

describe("POST /api/v1/flows/:id/instances", () => {
  it("starts with the employee's submission (201), and replays the first response for the same Idempotency-Key", async () => {
    const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
    const body = { data: expense(12_000, receipt) };
    const first = await start(tokens.employee, body, { "idempotency-key": "api-start-1" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ created: true, status: "IN_PROGRESS", currentLevelName: "Manager Review", version: 2 });
    const replay = await start(tokens.employee, body, { "idempotency-key": "api-start-1" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);
    expect(await db.flowInstance.count({ where: { flowId: demo.flow.id, initiatorId: demo.people.employee.id, id: first.json.instanceId } })).toBe(1);

    const different = await start(tokens.employee, { data: expense(13_000, receipt) }, { "idempotency-key": "api-start-1" });
    expect(different.status).toBe(422);
    expect(different.json.detail).toMatch(/different parameters/);
    const otherCaller = await start(tokens.employee2, body, { "idempotency-key": "api-start-1" });
    expect(otherCaller.status).toBe(422);
  });

  it("does not store a validation failure: the fixed request may reuse the key", async () => {
    const bad = await start(tokens.employee, { data: { amount: -5 } }, { "idempotency-key": "api-start-2" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors)).toEqual(expect.arrayContaining(["amount", "receipt", "employee_name"]));
    const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
    expect((await start(tokens.employee, { data: expense(50, receipt) }, { "idempotency-key": "api-start-2" })).status).toBe(201);
  });

  it("returns the existing instance (200) for a repeated idempotencyKey in the body; 404 for a foreign flow", async () => {
    const first = await start(tokens.employee, { idempotencyKey: "body-key-1" });
    const again = await start(tokens.employee, { idempotencyKey: "body-key-1" });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json).toMatchObject({ instanceId: first.json.instanceId, created: false });
    expect((await start(tokens.foreign, {})).status).toBe(404);
  });
});

describe("instances: list, detail, act", () => {
  it("lists my requests and my inbox, shows the detail, and answers a lost race with 409 naming the winner", async () => {
    const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
    const { instanceId } = await startInstance(await actingAs(db, demo.people.employee.id), { flowId: demo.flow.id, data: expense(9_999, receipt, "API trip") });
    const mine = await call(instancesRoute.GET, {}, { token: tokens.employee, path: "/api/v1/instances?view=mine&search=API%20trip" });
    expect(mine.status).toBe(200);
    expect(mine.json.data.map((item: { instanceId: string }) => item.instanceId)).toEqual([instanceId]);
    const inbox = await call(instancesRoute.GET, {}, { token: tokens.manager, path: "/api/v1/instances?search=API%20trip" });
    expect(inbox.json.data.map((item: { instanceId: string }) => item.instanceId)).toEqual([instanceId]);
    expect((await call(instancesRoute.GET, {}, { token: tokens.manager, path: "/api/v1/instances?view=nope" })).status).toBe(422);

    const detail = await call(instanceRoute.GET, { id: instanceId }, { token: tokens.manager, path: `/api/v1/instances/${instanceId}` });
    expect(detail.status).toBe(200);
    expect(detail.json.allowed.actions).toEqual(["approve", "reject", "send_back"]);
    expect(detail.json.instance.version).toBe(2);
    expect((await call(instanceRoute.GET, { id: instanceId }, { token: tokens.employee2, path: `/api/v1/instances/${instanceId}` })).status).toBe(404);
    expect((await call(instanceRoute.GET, { id: instanceId }, { token: tokens.foreign, path: `/api/v1/instances/${instanceId}` })).status).toBe(404);

    const approved = await act(tokens.manager, instanceId, { action: "approve", comment: "Go", expectedVersion: 2 });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ version: 3, currentLevelName: "Finance Approval" });
    const late = await act(tokens.manager, instanceId, { action: "approve", expectedVersion: 2 });
    expect(late.status).toBe(409);
    expect(late.headers.get("content-type")).toContain("application/problem+json");
    expect(late.json.detail).toMatch(/^This request was already approved by Mike Manager at \d\d:\d\d UTC/);
    expect(late.json.latest).toMatchObject({ action: "APPROVED", actorName: "Mike Manager", version: 3 });

    const noReason = await act(tokens.finance, instanceId, { action: "reject" });
    expect(noReason.status).toBe(422);
    expect(noReason.json.errors.reason).toBeDefined();
    expect((await act(tokens.foreign, instanceId, { action: "cancel" })).status).toBe(404);
    expect((await act(tokens.foreign, instanceId, { action: "reassign", fromPrincipal: `r:${demo.roles.finance.id}`, toUserId: demo.people.finance.id })).status).toBe(404);

    // An approval retried with its Idempotency-Key gets the first answer, not a 409.
    const once = await act(tokens.finance, instanceId, { action: "approve" }, { "idempotency-key": "approve-once" });
    const twice = await act(tokens.finance, instanceId, { action: "approve" }, { "idempotency-key": "approve-once" });
    expect([once.status, twice.status]).toEqual([200, 200]);
    expect(twice.json).toEqual(once.json);
    expect(once.json.status).toBe("COMPLETED");
  });
});

describe("bulkActAction", () => {
  it("approves each selected request on its own and reports per item", async () => {
    const session = await openSession(db, demo.company, demo.people.manager);
    request.sessionId = session.id;
    try {
      const employee = await actingAs(db, demo.people.employee.id);
      const fresh = async (amount: number) => (await startInstance(employee, { flowId: demo.flow.id, data: expense(amount, await uploadFile(db, demo.company.id, demo.people.employee.id)) })).instanceId;
      const [a, b, done] = [await fresh(100), await fresh(5_000), await fresh(200)];
      await startInstance(employee, { flowId: demo.flow.id }); // a draft, not the manager's
      const manager = await actingAs(db, demo.people.manager.id);
      const { actOnInstance } = await import("@/lib/flows/runner/act-on-instance");
      await actOnInstance(manager, { instanceId: done, action: "approve" });
      const unknown = "00000000-0000-4000-8000-000000000000";

      const result = await bulkActAction({ instanceIds: [a, b, done, unknown], action: "approve", comment: "Batch" });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.succeeded).toBe(2);
      expect(result.data.results.map((item) => [item.instanceId, item.ok])).toEqual([
        [a, true],
        [b, true],
        [done, false],
        [unknown, false],
      ]);
      expect(result.data.results[2]!.error).toMatch(/already approved by Mike Manager/);
      expect(result.data.results[3]!.error).toBe("Request not found.");
      expect((await db.flowInstance.findUniqueOrThrow({ where: { id: a } })).status).toBe("COMPLETED");
      expect((await db.flowInstance.findUniqueOrThrow({ where: { id: b } })).currentLevelId).toBe(demo.levels.finance.id);

      // A request that went back and came again with other data since the manager saw it is not
      // approved blind: the version each item was seen at is checked on its own.
      const changed = await fresh(3_000);
      const seen = (await db.flowInstance.findUniqueOrThrow({ where: { id: changed } })).version;
      const other = await fresh(300);
      const otherSeen = (await db.flowInstance.findUniqueOrThrow({ where: { id: other } })).version;
      await actOnInstance(manager, { instanceId: changed, action: "send_back", reason: "Wrong category", toLevelId: demo.levels.submission.id });
      await actOnInstance(employee, { instanceId: changed, action: "submit", data: { ...expense(30_000, await uploadFile(db, demo.company.id, demo.people.employee.id)), category: "equipment" } });
      const stale = await bulkActAction({ instanceIds: [changed, other], action: "approve", versions: { [changed]: seen, [other]: otherSeen } });
      expect(stale.ok && stale.data.results.map((item) => [item.instanceId, item.ok])).toEqual([
        [changed, false],
        [other, true],
      ]);
      expect(stale.ok && stale.data.results[0]!.error).toMatch(/already sent back by Mike Manager/);
      expect((await db.flowInstance.findUniqueOrThrow({ where: { id: changed } })).currentLevelId).toBe(demo.levels.manager.id);

      const rejectWithoutReason = await bulkActAction({ instanceIds: [b], action: "reject" });
      expect(rejectWithoutReason).toMatchObject({ ok: false, fieldErrors: { reason: ["Give a reason"] } });
    } finally {
      request.sessionId = null;
    }
  });
});
