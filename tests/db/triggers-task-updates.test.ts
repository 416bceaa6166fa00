// Edited submissions reach triggers: when an expense is sent back and resubmitted with another
// amount, the flow's transition writes TASK_UPDATED (previous values, changed fields) and
// FIELD_CHANGED (from/to) to the outbox in the same transaction, tagged with the form — so triggers
// scoped to the expense form fire on each, and a FIELD_CHANGED trigger watching another field does not.
// And flows that end otherwise: a rejection is a FLOW_COMPLETED with status REJECTED, which only
// triggers that chose that ending react to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actOnInstance } from "@/lib/flows/runner/act-on-instance";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { dispatchOutbox } from "@/lib/triggers/dispatch";
import { executeTrigger } from "@/lib/triggers/execute";
import { createTrigger } from "@/lib/triggers/service";
import { actingAs, expense, loadDemo, uploadFile, type Demo } from "../support/flow-fixtures";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

async function runPending(triggerIds: string[]) {
  await dispatchOutbox();
  const pending = await db.triggerExecution.findMany({ where: { triggerId: { in: triggerIds }, status: "PENDING" } });
  for (const execution of pending) await executeTrigger(execution.id, { lastAttempt: false });
}

describe("TASK_UPDATED and FIELD_CHANGED from a resubmission", () => {
  it("fires triggers scoped to the form on the resubmitted expense", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const taskId = (await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } })).id;
    const notifyAdmin = (title: string) => [{ type: "notify" as const, config: { userIds: [demo.people.admin.id], title } }];
    const updated = await createTrigger(admin, { name: "Expense lowered", eventType: "TASK_UPDATED", taskId, condition: "amount < previous.amount", actions: notifyAdmin("Lowered {{previous.amount}} → {{amount}} ({{changed}})") });
    const amount = await createTrigger(admin, { name: "Amount changed", eventType: "FIELD_CHANGED", taskId, eventConfig: { field: "amount" }, actions: notifyAdmin("{{field}}: {{from}} → {{to}}") });
    const category = await createTrigger(admin, { name: "Category changed", eventType: "FIELD_CHANGED", taskId, eventConfig: { field: "category" }, actions: notifyAdmin("category changed") });
    const triggerIds = [updated.id, amount.id, category.id];

    const employee = await actingAs(db, demo.people.employee.id);
    const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
    const { instanceId } = await startInstance(employee, { flowId: demo.flow.id, data: expense(12_000, receipt) });
    await runPending(triggerIds);
    // A first submission updates nothing.
    expect(await db.triggerExecution.count({ where: { triggerId: { in: triggerIds } } })).toBe(0);

    await actOnInstance(await actingAs(db, demo.people.manager.id), { instanceId, action: "send_back", reason: "Too much", toLevelId: demo.levels.submission.id });
    await actOnInstance(employee, { instanceId, action: "submit", data: expense(900, receipt) });
    const events = await db.outboxEvent.findMany({ where: { companyId: demo.company.id, type: { in: ["TASK_UPDATED", "FIELD_CHANGED"] }, payload: { path: ["instanceId"], equals: instanceId } } });
    expect(events.map((event) => [event.type, (event.payload as { taskId?: string }).taskId]).sort()).toEqual([
      ["FIELD_CHANGED", taskId],
      ["TASK_UPDATED", taskId],
    ]);

    await runPending(triggerIds);
    const notes = await db.notification.findMany({ where: { userId: demo.people.admin.id, OR: [{ title: { startsWith: "Lowered" } }, { title: { startsWith: "amount:" } }, { title: "category changed" }] } });
    expect(notes.map((note) => note.title).sort()).toEqual(["Lowered 12,000 → 900 (amount)", "amount: 12,000 → 900"]);
    const executions = await db.triggerExecution.findMany({ where: { triggerId: { in: triggerIds } } });
    expect(executions.map((execution) => [execution.triggerId, execution.status]).sort()).toEqual(
      [
        [updated.id, "SUCCESS"],
        [amount.id, "SUCCESS"],
      ].sort(),
    );
  });

  it("reacts to a rejected flow only where the trigger chose that ending", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const notifyAdmin = (title: string) => [{ type: "notify" as const, config: { userIds: [demo.people.admin.id], title } }];
    const stamp = Date.now().toString(36);
    const ended = await createTrigger(admin, { name: "Rejected expenses", eventType: "FLOW_COMPLETED", flowId: demo.flow.id, eventConfig: { endings: ["REJECTED", "CANCELLED"] }, condition: 'status == "REJECTED"', actions: notifyAdmin(`{{status}} ${stamp}: {{amount}}`) });
    const completedOnly = await createTrigger(admin, { name: "Completed expenses", eventType: "FLOW_COMPLETED", flowId: demo.flow.id, actions: notifyAdmin(`done ${stamp}`) });
    const wrongType = await createTrigger(admin, { name: "Wrong", eventType: "FLOW_STARTED", eventConfig: { endings: ["REJECTED"] }, actions: notifyAdmin("x") }).catch((error) => error);
    expect(wrongType).toMatchObject({ code: "VALIDATION", fieldErrors: { "eventConfig.endings": ["Only flow-ended triggers choose endings"] } });

    const employee = await actingAs(db, demo.people.employee.id);
    const { instanceId } = await startInstance(employee, { flowId: demo.flow.id, data: expense(700, await uploadFile(db, demo.company.id, demo.people.employee.id)) });
    await actOnInstance(await actingAs(db, demo.people.manager.id), { instanceId, action: "reject", reason: "No" });
    await runPending([ended.id, completedOnly.id]);
    const executions = await db.triggerExecution.findMany({ where: { triggerId: { in: [ended.id, completedOnly.id] } } });
    expect(executions.map((execution) => [execution.triggerId, execution.status])).toEqual([[ended.id, "SUCCESS"]]);
    expect(await db.notification.findFirst({ where: { userId: demo.people.admin.id, title: `REJECTED ${stamp}: 700` } })).not.toBeNull();
  });
});
