// The execution bookkeeping cut to a few statements keeps its promises: two runs of one execution at
// the same moment (a worker presumed dead that was not) write its row and its notification once; the
// rate limit counts the trigger's recent executions; the relay matches events to triggers loaded in
// its claim statement (scope and the webhook's own trigger) and never creates an execution twice; a
// manual "run for real" is an execution of its own, marked with who ran it, that no relay picks up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { createTable } from "@/lib/tables/table-service";
import { dispatchOutbox } from "@/lib/triggers/dispatch";
import { executeTrigger } from "@/lib/triggers/execute";
import { runTriggerManually } from "@/lib/triggers/manual-run";
import { createTrigger } from "@/lib/triggers/service";
import { actingAs, loadDemo, type Demo } from "../support/flow-fixtures";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

async function hookTrigger(name: string, settings: Record<string, unknown> = {}) {
  const admin = await actingAs(db, demo.people.admin.id);
  const table = await createTable(admin, { name: `book_${Date.now()}_${Math.floor(Math.random() * 1e6)}`, displayName: "Book", description: null, columns: { columns: [{ key: "order", label: "Order", type: "text" }] } });
  const trigger = await createTrigger(admin, {
    name,
    eventType: "WEBHOOK_RECEIVED",
    settings: { stopOnFailure: true, ...settings },
    actions: [
      { type: "create_row", config: { tableId: table.id, values: { order: "{{payload.order}}" } } },
      { type: "notify", config: { userIds: [demo.people.admin.id], title: `${name} {{payload.order}}` } },
    ],
  });
  return { table, trigger };
}

const receive = (triggerId: string, order: string) =>
  db.outboxEvent.create({ data: { companyId: demo.company.id, type: "WEBHOOK_RECEIVED", entity: "Trigger", entityId: triggerId, payload: { body: { order } } } });

describe("trigger bookkeeping", () => {
  it("writes an execution's row and notification once when two runs race", async () => {
    const { table, trigger } = await hookTrigger("Race");
    const other = await hookTrigger("Other hook");
    await receive(trigger.id, "A-1");
    // Dispatched twice (and concurrently): one execution, only for the trigger whose URL received it.
    await Promise.all([dispatchOutbox(), dispatchOutbox()]);
    await dispatchOutbox();
    const executions = await db.triggerExecution.findMany({ where: { triggerId: { in: [trigger.id, other.trigger.id] } } });
    expect(executions.map((execution) => execution.triggerId)).toEqual([trigger.id]);

    const outcomes = await Promise.all([executeTrigger(executions[0]!.id, { lastAttempt: false }), executeTrigger(executions[0]!.id, { lastAttempt: false })]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["SUCCESS", "SUCCESS"]);
    expect(await db.customTableRecord.count({ where: { tableId: table.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: demo.people.admin.id, title: "Race A-1" } })).toBe(1);
    const runs = await db.triggerActionRun.findMany({ where: { executionId: executions[0]!.id }, orderBy: { actionIndex: "asc" } });
    expect(runs.map((run) => [run.actionIndex, run.status, run.attempts])).toEqual([
      [0, "SUCCESS", 1],
      [1, "SUCCESS", 1],
    ]);
    // Finished executions are left alone.
    expect(await executeTrigger(executions[0]!.id, { lastAttempt: false })).toEqual({ status: "SUCCESS" });
    expect(await db.customTableRecord.count({ where: { tableId: table.id } })).toBe(1);
  });

  it("skips executions past the rate limit", async () => {
    const { table, trigger } = await hookTrigger("Limited", { rateLimitPerMinute: 2 });
    for (const order of ["B-1", "B-2", "B-3"]) await receive(trigger.id, order);
    await dispatchOutbox();
    const executions = await db.triggerExecution.findMany({ where: { triggerId: trigger.id } });
    expect(executions).toHaveLength(3);
    for (const execution of executions) await executeTrigger(execution.id, { lastAttempt: false });
    const after = await db.triggerExecution.findMany({ where: { triggerId: trigger.id } });
    expect(after.map((execution) => execution.status).sort()).toEqual(["SKIPPED", "SUCCESS", "SUCCESS"]);
    expect(after.find((execution) => execution.status === "SKIPPED")?.errorMessage).toMatch(/Rate limited: 2 executions in the last minute \(limit 2\)/);
    expect(await db.customTableRecord.count({ where: { tableId: table.id } })).toBe(2);
  });

  it("runs a trigger by hand on sample data or a past event, as a marked execution of its own", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const { table, trigger } = await hookTrigger("Manual", { rateLimitPerMinute: 1 });
    const fromSample = await runTriggerManually(admin, { triggerId: trigger.id, sample: { payload: { order: "M-1" } } });
    expect(fromSample.status).toBe("SUCCESS");
    const execution = await db.triggerExecution.findUniqueOrThrow({ where: { id: fromSample.executionId } });
    expect(execution).toMatchObject({ testRunById: demo.people.admin.id, status: "SUCCESS", eventData: { payload: { order: "M-1" } } });
    expect((await db.customTableRecord.findFirstOrThrow({ where: { tableId: table.id } })).data).toMatchObject({ order: "M-1" });

    // A past event that already ran: the manual run repeats its actions (and ignores the rate limit).
    await receive(trigger.id, "M-2");
    await dispatchOutbox();
    const real = await db.triggerExecution.findFirstOrThrow({ where: { triggerId: trigger.id, testRunById: null } });
    await executeTrigger(real.id, { lastAttempt: false });
    const again = await runTriggerManually(admin, { triggerId: trigger.id, eventId: real.eventId });
    expect(again.status).toBe("SUCCESS");
    expect(await db.customTableRecord.count({ where: { tableId: table.id } })).toBe(3);
    const copy = await db.outboxEvent.findFirstOrThrow({ where: { id: (await db.triggerExecution.findUniqueOrThrow({ where: { id: again.executionId } })).eventId } });
    expect(copy).toMatchObject({ causationId: real.eventId, processedAt: expect.any(Date) });
    // The relay never hands the manual events to triggers (the test trigger's own row events aside).
    await dispatchOutbox();
    expect(await db.triggerExecution.count({ where: { triggerId: trigger.id } })).toBe(3);

    const other = await actingAs(db, demo.people.employee.id);
    await expect(runTriggerManually({ ...other, companyId: "00000000-0000-4000-8000-000000000000" }, { triggerId: trigger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
