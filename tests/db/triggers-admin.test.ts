// Running triggers day to day, on real PostgreSQL through the real guard (API keys): the trigger and
// email-template API with problem JSON, the dry-run "Test" (explained, previewed, nothing written),
// the execution log with its dead-letter filter, and a re-run that does not repeat what succeeded.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true"; // the dead endpoint below is on loopback
});
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

import * as templateRoute from "@/app/api/v1/email-templates/[id]/route";
import * as templatesRoute from "@/app/api/v1/email-templates/route";
import * as executionsRoute from "@/app/api/v1/trigger-executions/route";
import * as rerunRoute from "@/app/api/v1/trigger-executions/[id]/rerun/route";
import * as testRoute from "@/app/api/v1/triggers/[id]/test/route";
import * as triggersRoute from "@/app/api/v1/triggers/route";
import { db } from "@/lib/db";
import { OutboundRefused, sendOutbound } from "@/lib/http/outbound";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { dispatchOutbox } from "@/lib/triggers/dispatch";
import { executeTrigger } from "@/lib/triggers/execute";
import { apiKey, call } from "../support/api";
import { createUser } from "../support/fixtures";
import { loadDemo, type Demo } from "../support/flow-fixtures";

let demo: Demo;
const tokens = {} as Record<"admin" | "viewer" | "foreign", string>;


beforeAll(async () => {
  demo = await loadDemo(db);
  const all = ["triggers.view", "triggers.create", "triggers.update", "triggers.delete"];
  tokens.admin = await apiKey(demo.company.id, demo.people.admin.id, all);
  tokens.viewer = await apiKey(demo.company.id, demo.people.admin.id, ["triggers.view"]);
  const other = await db.company.create({ data: { name: "Other", slug: `other-${Date.now()}` } });
  tokens.foreign = await apiKey(other.id, (await createUser(db, other, { systemRole: "ADMIN" })).id, all);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});


const taskId = () => db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } }).then((task) => task.id);

describe("triggers API", () => {
  it("creates templates and triggers with field errors by path, and dry-runs without writing", async () => {
    const template = await call(templatesRoute.POST, {}, {
      token: tokens.admin,
      path: "/api/v1/email-templates",
      body: { key: "expense_receipt", name: "Receipt", subject: "Expense of {{amount}} received", bodyHtml: "<p>Hi {{employee_name}}, we got <b>{{category}}</b></p>" },
    });
    expect(template).toMatchObject({ status: 201, json: { key: "expense_receipt", variables: ["amount", "employee_name", "category"] } });
    expect((await call(templatesRoute.POST, {}, { token: tokens.viewer, path: "/api/v1/email-templates", body: {} })).status).toBe(403);

    const bad = await call(triggersRoute.POST, {}, { token: tokens.admin, path: "/api/v1/triggers", body: { name: "x", eventType: "TASK_COMPLETED", taskId: await taskId(), condition: "amount >", actions: [] } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors)).toEqual(["actions"]);
    const illTyped = await call(triggersRoute.POST, {}, { token: tokens.admin, path: "/api/v1/triggers", body: { name: "x", eventType: "TASK_COMPLETED", taskId: await taskId(), condition: "amount > 'a'", actions: [{ type: "send_email", config: { toActor: true, template: "expense_receipt" } }] } });
    expect(illTyped).toMatchObject({ status: 422, json: { errors: { condition: [expect.any(String)] } } });

    const trigger = { name: "Receipt to submitter", eventType: "TASK_COMPLETED", taskId: await taskId(), condition: "amount >= 100", actions: [{ type: "send_email", config: { toActor: true, template: "expense_receipt" } }] };
    const mails = await db.mailMessage.count();
    const run = await call(testRoute.POST, { id: "new" }, { token: tokens.viewer, path: "/api/v1/triggers/new/test", body: { trigger, sample: { amount: 250, employee_name: "Emma <E>", category: "travel" } } });
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ matched: true, actions: [{ type: "send_email", wouldDo: { subject: "Expense of 250 received", html: "<p>Hi Emma &lt;E&gt;, we got <b>travel</b></p>" }, problems: ["No recipient for this event"] }] });
    expect(run.json.explanation).toMatch(/250/);
    expect(await db.mailMessage.count()).toBe(mails);

    const created = await call(triggersRoute.POST, {}, { token: tokens.admin, path: "/api/v1/triggers", body: trigger });
    expect(created.status).toBe(201);
    const renamed = await call(templateRoute.PUT, { id: template.json.id }, { token: tokens.admin, method: "PUT", path: `/api/v1/email-templates/${template.json.id}`, body: { ...template.json, key: "renamed" } });
    expect(renamed).toMatchObject({ status: 422, json: { errors: { key: [expect.stringMatching(/Receipt to submitter/)] } } });
    expect((await call(templateRoute.GET, { id: template.json.id }, { token: tokens.foreign, path: `/api/v1/email-templates/${template.json.id}` })).status).toBe(404);
  });

  it("lists dead letters and re-runs them without repeating the actions that succeeded", async () => {
    const admin = { token: tokens.admin };
    const created = await call(triggersRoute.POST, {}, {
      ...admin,
      path: "/api/v1/triggers",
      body: {
        name: "Notify then call a dead endpoint",
        eventType: "TASK_COMPLETED",
        taskId: await taskId(),
        settings: { stopOnFailure: true },
        actions: [
          { type: "notify", config: { userIds: [demo.people.finance.id], title: "Expense {{amount}}" } },
          { type: "call_webhook", config: { url: "http://127.0.0.1:9/nothing-listens-here", timeoutMs: 500 } },
        ],
      },
    });
    await db.outboxEvent.create({ data: { companyId: demo.company.id, type: "TASK_COMPLETED", entity: "TaskExecution", entityId: "t1", payload: { taskId: await taskId(), data: { amount: 42 } } } });
    await dispatchOutbox();
    const execution = await db.triggerExecution.findFirstOrThrow({ where: { triggerId: created.json.id } });
    await executeTrigger(execution.id, { lastAttempt: true });
    const dead = await call(executionsRoute.GET, {}, { token: tokens.viewer, path: `/api/v1/trigger-executions?status=DEAD&triggerId=${created.json.id}` });
    expect(dead.json.items.map((item: { id: string }) => item.id)).toEqual([execution.id]);
    const notes = () => db.notification.count({ where: { userId: demo.people.finance.id, title: "Expense 42" } });
    expect(await notes()).toBe(1);

    expect((await call(rerunRoute.POST, { id: execution.id }, { token: tokens.viewer, method: "POST", path: `/api/v1/trigger-executions/${execution.id}/rerun` })).status).toBe(403);
    const rerun = await call(rerunRoute.POST, { id: execution.id }, { ...admin, method: "POST", path: `/api/v1/trigger-executions/${execution.id}/rerun` });
    expect(rerun).toMatchObject({ status: 202, json: { status: "PENDING" } });
    expect((await call(rerunRoute.POST, { id: execution.id }, { ...admin, method: "POST", path: `/api/v1/trigger-executions/${execution.id}/rerun` })).status).toBe(409);
    const job = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM graphile_worker._private_jobs WHERE key = $1`, `trigger-execute:${execution.id}`);
    expect(job[0]!.count).toBe(1);
    await executeTrigger(execution.id, { lastAttempt: true });
    expect(await notes()).toBe(1);
    const runs = await db.triggerActionRun.findMany({ where: { executionId: execution.id }, orderBy: { actionIndex: "asc" } });
    expect(runs.map((entry) => [entry.status, entry.attempts])).toEqual([["SUCCESS", 1], ["FAILED", 2]]);
  });

  it("refuses private and loopback targets unless allowed, whether named by IP or by host name", async () => {
    const call = (url: string) => sendOutbound(url, { method: "POST", headers: {}, body: "{}", timeoutMs: 1_000, allowPrivate: false });
    await expect(call("http://127.0.0.1:9/")).rejects.toBeInstanceOf(OutboundRefused);
    await expect(call("http://[::1]:9/")).rejects.toBeInstanceOf(OutboundRefused);
    await expect(call("http://localhost:9/")).rejects.toThrow(/private or reserved address/);
    await expect(call("http://169.254.169.254/latest/meta-data")).rejects.toBeInstanceOf(OutboundRefused);
  });
});
