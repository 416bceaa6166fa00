// Row-deleted triggers: moving table records to the trash writes DATABASE_ROW_DELETED to the outbox
// (in the trash's transaction, record-service.ts); a trigger on that event sees the record's columns,
// is checked against them at save (no `previous` as on updates) and needs its table; purging records
// already in the trash emits nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { createRecord, deleteRecords, purgeRecords } from "@/lib/tables/record-service";
import { createTable } from "@/lib/tables/table-service";
import { dispatchOutbox } from "@/lib/triggers/dispatch";
import { executeTrigger } from "@/lib/triggers/execute";
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

describe("DATABASE_ROW_DELETED triggers", () => {
  it("run on rows moved to the trash, with the row's columns, and not again on purge", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const table = await createTable(admin, {
      name: `deals_${Date.now()}`,
      displayName: "Deals",
      description: null,
      columns: { columns: [{ key: "name", label: "Name", type: "text" }, { key: "amount", label: "Amount", type: "number" }] },
    });
    const notify = [{ type: "notify" as const, config: { userIds: [demo.people.admin.id], title: "Deal {{name}} was deleted" } }];
    await expect(createTrigger(admin, { name: "No table", eventType: "DATABASE_ROW_DELETED", actions: notify })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { tableId: [expect.any(String)] } });
    await expect(createTrigger(admin, { name: "No previous", eventType: "DATABASE_ROW_DELETED", tableId: table.id, condition: "previous.amount > 0", actions: notify })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { condition: [expect.any(String)] } });
    const trigger = await createTrigger(admin, { name: "Big deal deleted", eventType: "DATABASE_ROW_DELETED", tableId: table.id, condition: "amount > 100", actions: notify });

    const small = await createRecord(admin, { tableId: table.id, values: { name: "Tiny", amount: 50 } });
    const big = await createRecord(admin, { tableId: table.id, values: { name: "Mega", amount: 5000 } });
    await dispatchOutbox();
    expect(await db.triggerExecution.count({ where: { triggerId: trigger.id } })).toBe(0);

    await deleteRecords(admin, { tableId: table.id, recordIds: [small.id, big.id] });
    const events = await db.outboxEvent.findMany({ where: { companyId: demo.company.id, type: "DATABASE_ROW_DELETED", entityId: { in: [small.id, big.id] } } });
    expect(events).toHaveLength(2);
    await dispatchOutbox();
    const executions = await db.triggerExecution.findMany({ where: { triggerId: trigger.id } });
    expect(executions).toHaveLength(2);
    for (const execution of executions) await executeTrigger(execution.id, { lastAttempt: false });
    const after = await db.triggerExecution.findMany({ where: { triggerId: trigger.id } });
    expect(after.map((execution) => execution.status).sort()).toEqual(["SKIPPED", "SUCCESS"]);
    expect(await db.notification.count({ where: { userId: demo.people.admin.id, title: "Deal Mega was deleted" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: demo.people.admin.id, title: "Deal Tiny was deleted" } })).toBe(0);

    await purgeRecords(admin, { tableId: table.id, recordIds: [small.id, big.id] });
    await dispatchOutbox();
    expect(await db.triggerExecution.count({ where: { triggerId: trigger.id } })).toBe(2);
  });
});
