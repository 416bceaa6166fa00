// Triggers on real services: the demo's High-Value Alert sends its template over a real SMTP server
// (smtp-server on loopback) for a 12,000 expense and explains why a 500 one is skipped; the relay
// creates each execution once; an action that already succeeded is never repeated on retry; outbound
// webhooks are signed (verified with the Standard Webhooks library) and retried after a 500; loops
// stop at the depth limit; a trigger is checked against the event's fields when it is saved.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ports = vi.hoisted(() => {
  const smtp = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp}`;
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
  return { smtp };
});

import { encryptSecret, newWebhookSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { createTable } from "@/lib/tables/table-service";
import { dispatchOutbox } from "@/lib/triggers/dispatch";
import { executeTrigger } from "@/lib/triggers/execute";
import { createTrigger } from "@/lib/triggers/service";
import { actingAs, expense, loadDemo, uploadFile, type Demo } from "../support/flow-fixtures";

type Received = { to: string[]; raw: string };
const inbox: Received[] = [];
let smtp: SMTPServer;
let demo: Demo;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(ports.smtp, "127.0.0.1", resolve));
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.$disconnect();
});

async function fileExpense(amount: number) {
  const ctx = await actingAs(db, demo.people.employee.id);
  const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
  return startInstance(ctx, { flowId: demo.flow.id, data: expense(amount, receipt) });
}

async function executionsFor(triggerId: string) {
  return db.triggerExecution.findMany({ where: { triggerId }, orderBy: { executedAt: "asc" }, include: { actions: true } });
}

/** A loopback receiver that answers with the queued statuses (then 200) and records each request. */
async function receiver(statuses: number[]) {
  const requests: { headers: Record<string, string>; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      requests.push({ headers: request.headers as Record<string, string>, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("triggers", () => {
  it("sends the High-Value Alert over SMTP for 12,000 and explains why 500 is skipped", async () => {
    const alert = await db.trigger.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "High" } } });
    await fileExpense(12_000);
    await fileExpense(500);
    const dispatched = await dispatchOutbox();
    expect(dispatched.executions).toBe(2);
    for (const execution of await executionsFor(alert.id)) await executeTrigger(execution.id, { lastAttempt: false });
    const [big, small] = await executionsFor(alert.id);
    expect(big).toMatchObject({ status: "SUCCESS", conditionsMet: true, conditionResult: { source: "amount > 10000", matched: true } });
    expect(small).toMatchObject({ status: "SKIPPED", conditionsMet: false });
    expect((small!.conditionResult as { explanation: string }).explanation).toMatch(/500/);
    // The flow's own assignment emails go through the same server; the alert is the one to the CFO.
    const alerts = () => inbox.filter((mail) => mail.to.includes("cfo@acme.com"));
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]!.to).toEqual(["cfo@acme.com"]);
    expect(alerts()[0]!.raw).toMatch(/Subject: High-value expense requires your review/);
    expect(alerts()[0]!.raw).toMatch(/Emma Employee/);
    expect(alerts()[0]!.raw.replace(/=\r?\n/g, "")).toMatch(/12,000/);

    // Delivered once: dispatching again creates nothing, executing again sends nothing.
    expect((await dispatchOutbox()).executions).toBe(0);
    await executeTrigger(big!.id, { lastAttempt: false });
    expect(alerts()).toHaveLength(1);
  });

  it("never repeats an action that succeeded when a later one is retried; signs webhooks; gives up as DEAD", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const log = await createTable(admin, { name: `expense_log_${Date.now()}`, displayName: "Expense log", description: null, columns: { columns: [{ key: "who", label: "Who", type: "text" }, { key: "amount", label: "Amount", type: "number" }] } });
    const hook = await receiver([500, 503]);
    const trigger = await createTrigger(admin, {
      name: "Log big expenses",
      eventType: "TASK_COMPLETED",
      taskId: (await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } })).id,
      condition: "amount >= 5000",
      actions: [
        { type: "create_row", config: { tableId: log.id, values: { who: "{{employee_name}}", amount: "=amount" } } },
        { type: "call_webhook", config: { url: hook.url, body: '{"amount": {{amount}}, "who": {{employee_name}}}', timeoutMs: 2_000 } },
      ],
    });
    const secret = newWebhookSecret();
    await db.triggerSecret.create({ data: { companyId: demo.company.id, triggerId: trigger.id, encrypted: encryptSecret(secret) } });
    await fileExpense(7_500);
    await dispatchOutbox();
    const [execution] = await executionsFor(trigger.id);
    expect(await executeTrigger(execution!.id, { lastAttempt: false })).toMatchObject({ status: "PENDING", retry: { message: "The receiver answered 500" } });
    expect(await executeTrigger(execution!.id, { lastAttempt: false })).toMatchObject({ status: "PENDING", retry: { message: "The receiver answered 503" } });
    expect(await executeTrigger(execution!.id, { lastAttempt: false })).toMatchObject({ status: "SUCCESS" });
    expect(await db.customTableRecord.count({ where: { tableId: log.id } })).toBe(1);
    const row = await db.customTableRecord.findFirstOrThrow({ where: { tableId: log.id } });
    expect(row.data).toEqual({ who: "Emma Employee", amount: 7500 });
    expect(hook.requests).toHaveLength(3);
    const last = hook.requests[2]!;
    expect(JSON.parse(last.body)).toEqual({ amount: 7500, who: "Emma Employee" });
    expect(new Set(hook.requests.map((request) => request.headers["webhook-id"])).size).toBe(1);
    expect(new Webhook(secret).verify(last.body, { "webhook-id": last.headers["webhook-id"]!, "webhook-timestamp": last.headers["webhook-timestamp"]!, "webhook-signature": last.headers["webhook-signature"]! })).toEqual(JSON.parse(last.body));
    const runs = await db.triggerActionRun.findMany({ where: { triggerId: trigger.id }, orderBy: { actionIndex: "asc" } });
    expect(runs.map((run) => [run.type, run.status, run.attempts])).toEqual([["create_row", "SUCCESS", 1], ["call_webhook", "SUCCESS", 3]]);
    // The row write emitted its own event, one level deeper in the causation chain.
    const caused = await db.outboxEvent.findFirstOrThrow({ where: { entityId: row.id } });
    expect(caused).toMatchObject({ causationId: execution!.eventId, depth: 1 });

    const down = await receiver([500, 500, 500]);
    await db.trigger.update({ where: { id: trigger.id }, data: { actions: [{ type: "call_webhook", config: { url: down.url, method: "POST", headers: {}, timeoutMs: 2_000 } }] } });
    await fileExpense(9_000);
    await dispatchOutbox();
    const second = (await executionsFor(trigger.id))[1]!;
    await executeTrigger(second.id, { lastAttempt: false });
    expect(await executeTrigger(second.id, { lastAttempt: true })).toMatchObject({ status: "DEAD" });
    expect((await db.triggerExecution.findUniqueOrThrow({ where: { id: second.id } })).errorMessage).toMatch(/Gave up after retries: The receiver answered 500/);
    await hook.close();
    await down.close();
  });

  it("shows a slow call_webhook as RUNNING, with its start time, while it is in flight", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const server: Server = createServer((request, response) => {
      request.resume();
      request.on("end", () => void held.then(() => response.end("ok")));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
    const trigger = await createTrigger(admin, {
      name: "Slow receiver",
      eventType: "TASK_COMPLETED",
      taskId: (await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } })).id,
      actions: [{ type: "call_webhook", config: { url, body: '{"amount": {{amount}}}', timeoutMs: 10_000 } }],
    });
    await fileExpense(300);
    await dispatchOutbox();
    const [execution] = await executionsFor(trigger.id);
    const before = new Date();
    const running = executeTrigger(execution!.id, { lastAttempt: false });
    const inFlight = await vi.waitFor(
      async () => {
        const run = await db.triggerActionRun.findFirst({ where: { executionId: execution!.id, actionIndex: 0 } });
        if (run?.status !== "RUNNING") throw new Error("not running yet");
        return run;
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(inFlight).toMatchObject({ type: "call_webhook", finishedAt: null, attempts: 0 });
    expect(inFlight.startedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    release();
    expect(await running).toMatchObject({ status: "SUCCESS" });
    expect(await db.triggerActionRun.findFirstOrThrow({ where: { executionId: execution!.id } })).toMatchObject({ status: "SUCCESS", attempts: 1, finishedAt: expect.any(Date) });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("stops at the causation depth limit", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const table = await createTable(admin, { name: `loop_${Date.now()}`, displayName: "Loop", description: null, columns: { columns: [{ key: "n", label: "N", type: "number" }] } });
    // A trigger that writes a row into its own table on every new row: a loop by design.
    const loop = await createTrigger(admin, { name: "Loop", eventType: "DATABASE_ROW_CREATED", tableId: table.id, actions: [{ type: "create_row", config: { tableId: table.id, values: { n: "=n" } } }] });
    expect(loop.warnings).toEqual([expect.stringMatching(/^Its actions can make it fire again: Loop → Loop\./)]);
    await db.outboxEvent.create({ data: { companyId: demo.company.id, type: "DATABASE_ROW_CREATED", entity: "CustomTableRecord", entityId: "x", payload: { tableId: table.id, data: { n: 1 } } } });
    for (let round = 0; round < 10; round++) {
      await dispatchOutbox();
      const pending = await db.triggerExecution.findMany({ where: { triggerId: loop.id, status: "PENDING" } });
      if (!pending.length) break;
      for (const execution of pending) await executeTrigger(execution.id, { lastAttempt: false });
    }
    const executions = await executionsFor(loop.id);
    expect(executions.filter((execution) => execution.status === "SUCCESS")).toHaveLength(6);
    expect(executions.at(-1)).toMatchObject({ status: "SKIPPED", errorMessage: expect.stringMatching(/6 triggers deep/) });
  });

  it("checks a trigger against the event's fields when it is saved", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const taskId = (await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } })).id;
    const error = await createTrigger(admin, {
      name: "Broken",
      eventType: "TASK_COMPLETED",
      taskId,
      condition: 'amount > "lots" and colour == "red"',
      actions: [
        { type: "send_email", config: { to: [], template: "nope" } },
        { type: "notify", config: { toActor: true, title: "Expense from {{employe_name}}" } },
        { type: "update_row", config: { tableId: "00000000-0000-4000-8000-000000000000", values: {} } },
      ],
    }).catch((caught) => caught);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["actions.0.config.template", "actions.0.config.to", "actions.1.config.title", "actions.2.config.tableId", "condition"]);
    expect(error.fieldErrors["actions.1.config.title"]).toEqual(["This event offers no {{employe_name}}"]);
  });

  it("counts flow transitions a trigger caused one level deeper, so a flow that starts itself stops", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    // Whenever an expense is submitted, file it again: a loop by design (through the flow runner).
    const loop = await createTrigger(admin, {
      name: "Restart me",
      eventType: "TASK_COMPLETED",
      taskId: (await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } })).id,
      actions: [{ type: "start_flow", config: { flowId: demo.flow.id, data: { employee_name: "{{employee_name}}", amount: "=amount", category: "=category", receipt: "=receipt" } } }],
    });
    expect(loop.warnings).toEqual([expect.stringMatching(/Restart me → Restart me/)]);
    await fileExpense(300);
    for (let round = 0; round < 10; round++) {
      await dispatchOutbox();
      const pending = await db.triggerExecution.findMany({ where: { triggerId: loop.id, status: "PENDING" } });
      if (!pending.length) break;
      for (const execution of pending) await executeTrigger(execution.id, { lastAttempt: false });
    }
    const executions = await executionsFor(loop.id);
    expect(executions.filter((execution) => execution.status === "SUCCESS")).toHaveLength(6);
    expect(executions.at(-1)).toMatchObject({ status: "SKIPPED", errorMessage: expect.stringMatching(/triggers deep/) });
    const started = await db.outboxEvent.findMany({ where: { companyId: demo.company.id, type: "FLOW_STARTED", depth: { gt: 0 } }, orderBy: { depth: "asc" } });
    expect(started.map((event) => event.depth)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(started.every((event) => event.causationId !== null)).toBe(true);
    await db.trigger.update({ where: { id: loop.id }, data: { isActive: false } });
  });
});
