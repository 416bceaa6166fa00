// Inbound webhooks and schedules on real PostgreSQL: a Standard Webhooks request (signed with the
// spec's own library) is stored once and answered 202; bad signatures, stale timestamps, oversized
// or non-JSON bodies and unknown triggers are refused with problem JSON and store nothing; rotation
// accepts both secrets during the overlap; a payload that does not match the trigger's JSON Schema
// is refused with 422 listing the violations by JSON path; a schedule fires each slot once.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

import * as hookRoute from "@/app/api/hooks/[id]/route";
import { db } from "@/lib/db";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { dispatchOutbox } from "@/lib/triggers/dispatch";
import { executeTrigger } from "@/lib/triggers/execute";
import { fireSchedule } from "@/lib/triggers/schedule";
import { rotateSecret } from "@/lib/triggers/secrets";
import { createTrigger, setTriggerActive } from "@/lib/triggers/service";
import { actingAs, loadDemo, type Demo } from "../support/flow-fixtures";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

async function post(triggerId: string, body: string, headers: Record<string, string>) {
  const response = await hookRoute.POST(new Request(`http://localhost:3000/api/hooks/${triggerId}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), { params: Promise.resolve({ id: triggerId }) });
  return { status: response.status, type: response.headers.get("content-type"), json: (await response.json()) as Record<string, unknown> };
}

function signed(secret: string, body: string, id = `msg_${Math.random().toString(36).slice(2)}`, at = new Date()) {
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, at, body) };
}

const eventsOf = (triggerId: string) => db.outboxEvent.findMany({ where: { companyId: demo.company.id, type: "WEBHOOK_RECEIVED", entityId: triggerId } });

describe("inbound webhooks", () => {
  it("stores a signed request once, refuses everything else, and runs the trigger on the payload", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const created = await createTrigger(admin, {
      name: "Order paid",
      eventType: "WEBHOOK_RECEIVED",
      condition: "payload.total > 100",
      actions: [{ type: "notify", config: { userIds: [demo.people.finance.id], title: "Order {{payload.order}} paid: {{payload.total}}" } }],
    });
    expect(created.secret).toMatch(/^whsec_/);
    const secret = created.secret!;
    const body = JSON.stringify({ order: "A-17", total: 250 });
    const headers = signed(secret, body);

    expect(await post(created.id, body, headers)).toMatchObject({ status: 202, json: { accepted: true, duplicate: false } });
    expect(await post(created.id, body, headers)).toMatchObject({ status: 202, json: { duplicate: true } });
    expect(await eventsOf(created.id)).toHaveLength(1);

    const tampered = await post(created.id, JSON.stringify({ order: "A-17", total: 1 }), headers);
    expect(tampered).toMatchObject({ status: 401, json: { detail: "The signature does not match." } });
    expect(tampered.type).toMatch(/problem\+json/);
    const stale = await post(created.id, body, signed(secret, body, "msg_old", new Date(Date.now() - 10 * 60_000)));
    expect(stale).toMatchObject({ status: 401, json: { detail: expect.stringMatching(/5 minutes/) } });
    expect((await post(created.id, body, {})).status).toBe(401);
    const big = "x".repeat(300 * 1024);
    expect((await post(created.id, big, signed(secret, big))).status).toBe(413);
    expect((await post(created.id, "not json", signed(secret, "not json"))).status).toBe(400);
    expect((await post("00000000-0000-4000-8000-000000000000", body, headers)).status).toBe(404);
    expect(await eventsOf(created.id)).toHaveLength(1);

    await dispatchOutbox();
    const execution = await db.triggerExecution.findFirstOrThrow({ where: { triggerId: created.id } });
    expect(await executeTrigger(execution.id, { lastAttempt: false })).toMatchObject({ status: "SUCCESS" });
    const note = await db.notification.findFirstOrThrow({ where: { userId: demo.people.finance.id, type: "trigger" }, orderBy: { createdAt: "desc" } });
    expect(note.title).toBe("Order A-17 paid: 250");
  });

  it("accepts the old and the new secret during a rotation's overlap, then only the new one", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const created = await createTrigger(admin, { name: "Rotating", eventType: "WEBHOOK_RECEIVED", actions: [{ type: "notify", config: { userIds: [demo.people.admin.id], title: "ping" } }] });
    const old = created.secret!;
    const rotated = await rotateSecret(admin, { triggerId: created.id, overlapHours: 24 });
    const body = "{}";
    expect((await post(created.id, body, signed(old, body))).status).toBe(202);
    expect((await post(created.id, body, signed(rotated.secret, body))).status).toBe(202);
    await db.triggerSecret.updateMany({ where: { triggerId: created.id, expiresAt: { not: null } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await post(created.id, body, signed(old, body))).status).toBe(401);
    expect((await post(created.id, body, signed(rotated.secret, body))).status).toBe(202);
  });
});

describe("inbound payload schema", () => {
  const schema = JSON.stringify({
    type: "object",
    required: ["order", "total"],
    properties: { order: { type: "string", pattern: "^[A-Z]-\\d+$" }, total: { type: "number", minimum: 0 }, items: { type: "array", items: { type: "object", properties: { sku: { type: "string" } }, required: ["sku"] } } },
  });

  it("refuses an invalid schema on save, then stores only payloads that match the schema", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const notify = [{ type: "notify" as const, config: { userIds: [demo.people.admin.id], title: "Order {{payload.order}}" } }];
    const invalid = await createTrigger(admin, { name: "Bad schema", eventType: "WEBHOOK_RECEIVED", eventConfig: { payloadSchema: '{"type": "objekt"}' }, actions: notify }).catch((error) => error);
    expect(invalid).toMatchObject({ code: "VALIDATION", fieldErrors: { "eventConfig.payloadSchema": [expect.stringMatching(/^Not a valid JSON Schema: .*type/)] } });
    const notJson = await createTrigger(admin, { name: "Bad schema", eventType: "WEBHOOK_RECEIVED", eventConfig: { payloadSchema: "{type: object}" }, actions: notify }).catch((error) => error);
    expect(notJson).toMatchObject({ code: "VALIDATION", fieldErrors: { "eventConfig.payloadSchema": [expect.stringMatching(/JSON object/)] } });

    const created = await createTrigger(admin, { name: "Typed orders", eventType: "WEBHOOK_RECEIVED", eventConfig: { payloadSchema: schema }, actions: notify });
    const secret = created.secret!;
    const bad = JSON.stringify({ order: "a17", total: -5, items: [{ sku: "X" }, { qty: 2 }] });
    const refused = await post(created.id, bad, signed(secret, bad));
    expect(refused.status).toBe(422);
    expect(refused.type).toMatch(/problem\+json/);
    expect(refused.json).toMatchObject({ code: "VALIDATION", detail: "The payload does not match this webhook's schema (3 problems)." });
    expect(refused.json.violations).toEqual([
      { path: "$.order", pointer: "/order", message: 'must match pattern "^[A-Z]-\\d+$"' },
      { path: "$.total", pointer: "/total", message: "must be >= 0" },
      { path: "$.items[1].sku", pointer: "/items/1/sku", message: "is required" },
    ]);
    expect(refused.json.errors).toMatchObject({ "$.total": ["must be >= 0"] });
    const missing = await post(created.id, "{}", signed(secret, "{}"));
    expect(missing.json.violations).toEqual([
      { path: "$.order", pointer: "/order", message: "is required" },
      { path: "$.total", pointer: "/total", message: "is required" },
    ]);
    expect(await eventsOf(created.id)).toHaveLength(0);

    const good = JSON.stringify({ order: "A-17", total: 12.5, items: [{ sku: "X" }] });
    expect(await post(created.id, good, signed(secret, good))).toMatchObject({ status: 202, json: { accepted: true } });
    expect(await eventsOf(created.id)).toHaveLength(1);
  });

  it("enforces format keywords (email, date, uuid) and refuses a bad email with 422 and its path", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const formats = JSON.stringify({
      type: "object",
      properties: { contact: { type: "object", properties: { email: { type: "string", format: "email" } } }, due: { type: "string", format: "date" }, ref: { type: "string", format: "uuid" }, colour: { type: "string", format: "x-vendor-colour" } },
    });
    const created = await createTrigger(admin, { name: "Formatted", eventType: "WEBHOOK_RECEIVED", eventConfig: { payloadSchema: formats }, actions: [{ type: "notify", config: { userIds: [demo.people.admin.id], title: "Hi" } }] });
    const secret = created.secret!;
    const bad = JSON.stringify({ contact: { email: "not-an-email" }, due: "2026-02-30x" });
    const refused = await post(created.id, bad, signed(secret, bad));
    expect(refused.status).toBe(422);
    expect(refused.json.violations).toEqual([
      { path: "$.contact.email", pointer: "/contact/email", message: 'must match format "email"' },
      { path: "$.due", pointer: "/due", message: 'must match format "date"' },
    ]);
    expect(await eventsOf(created.id)).toHaveLength(0);
    // An unknown format stays an annotation.
    const good = JSON.stringify({ contact: { email: "ana@example.com" }, due: "2026-02-28", ref: "8f14e45f-ceea-467f-a0e6-0f5e3b1c2d4a", colour: "teal" });
    expect(await post(created.id, good, signed(secret, good))).toMatchObject({ status: 202 });
    expect(await eventsOf(created.id)).toHaveLength(1);
  });
});

describe("schedules", () => {
  const jobOf = (triggerId: string) =>
    db.$queryRawUnsafe<{ run_at: Date; payload: { slot: string } }[]>(`SELECT run_at, payload FROM graphile_worker._private_jobs WHERE key = $1`, `trigger-schedule:${triggerId}`);

  it("keeps one job for the next slot, fires each slot once, and stops when switched off", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const bad = await createTrigger(admin, { name: "Bad", eventType: "SCHEDULED", eventConfig: { cron: "61 * * * *" }, actions: [{ type: "notify", config: { userIds: [demo.people.admin.id], title: "x" } }] }).catch((error) => error);
    expect(bad).toMatchObject({ code: "VALIDATION", fieldErrors: { "eventConfig.cron": [expect.stringMatching(/minute/)] } });

    const created = await createTrigger(admin, { name: "Daily digest", eventType: "SCHEDULED", eventConfig: { cron: "0 7 * * *", timeZone: "Europe/Berlin" }, actions: [{ type: "notify", config: { userIds: [demo.people.admin.id], title: "Digest for {{scheduledFor}}" } }] });
    const [job] = await jobOf(created.id);
    expect(job!.run_at.toISOString()).toBe(created.nextRun!.toISOString());
    expect([5, 6]).toContain(created.nextRun!.getUTCHours()); // 07:00 in Berlin

    const slot = job!.payload.slot;
    expect(await fireSchedule({ triggerId: created.id, slot })).toEqual({ fired: true });
    expect(await fireSchedule({ triggerId: created.id, slot })).toEqual({ fired: false });
    const events = await db.outboxEvent.findMany({ where: { type: "SCHEDULED", entityId: created.id } });
    expect(events).toHaveLength(1);
    const [next] = await jobOf(created.id);
    expect(next!.run_at.getTime() - new Date(slot).getTime()).toBe(24 * 3_600_000);

    await dispatchOutbox();
    const execution = await db.triggerExecution.findFirstOrThrow({ where: { triggerId: created.id } });
    await executeTrigger(execution.id, { lastAttempt: false });
    expect((await db.notification.findFirstOrThrow({ where: { userId: demo.people.admin.id, title: { startsWith: "Digest" } } })).title).toBe(`Digest for ${slot}`);

    await setTriggerActive(admin, { triggerId: created.id, isActive: false });
    expect(await jobOf(created.id)).toEqual([]);
    expect(await fireSchedule({ triggerId: created.id, slot: next!.payload.slot })).toEqual({ fired: false });
  });
});
