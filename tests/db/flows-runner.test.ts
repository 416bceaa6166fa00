// The flow runner on real PostgreSQL, as real users of the demo company: the expense flow end to end,
// what each transition writes (history, assignments, submissions, outbox, notifications), form
// validation that stores nothing, refusals, and tenancy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FLOW_MAIL_TASK } from "@/lib/jobs/queue";
import { actOnInstance, cancelInstance } from "@/lib/flows/runner/act-on-instance";
import { reassignAssignment } from "@/lib/flows/runner/reassign";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { contextFor, createCompany, createUser } from "../support/fixtures";
import { actingAs, brokenInstances, expense, loadDemo, uploadFile, type Demo } from "../support/flow-fixtures";
import { runQueuedJobs } from "../support/jobs";
import { rejection } from "../support/outcomes";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

const as = (user: { id: string }) => actingAs(db, user.id);

async function submitExpense(amount: number, initiator = demo.people.employee) {
  const receipt = await uploadFile(db, demo.company.id, initiator.id);
  return startInstance(await as(initiator), { flowId: demo.flow.id, data: expense(amount, receipt) });
}

const history = (instanceId: string) => db.flowInstanceEvent.findMany({ where: { instanceId }, orderBy: { seq: "asc" } });

describe("the expense flow through the runner", () => {
  it("takes 12,000 from the employee via the manager and finance to COMPLETED, writing everything in step", async () => {
    const { people, levels } = demo;
    const started = await submitExpense(12_000);
    expect(started).toMatchObject({ created: true, version: 2, status: "IN_PROGRESS", currentLevelId: levels.manager.id, currentLevelName: "Manager Review" });
    const id = started.instanceId;

    // The employee's submission is stored as a TaskExecution of the form version, with cleaned values.
    const executions = await db.taskExecution.findMany({ where: { flowInstanceId: id } });
    expect(executions).toHaveLength(1);
    expect(executions[0]).toMatchObject({ levelId: levels.submission.id, executorId: people.employee.id, status: "COMPLETED" });
    expect(executions[0]!.data).toMatchObject({ amount: 12000, category: "travel" });

    // Manager Review is open for the Manager role and for Emma's manager (Mike) by name.
    const open = await db.assignment.findMany({ where: { instanceId: id, status: "OPEN" } });
    expect(open.map((a) => a.principal).sort()).toEqual([`r:${demo.roles.manager.id}`, `u:${people.manager.id}`].sort());
    expect(open.every((a) => a.levelId === levels.manager.id && a.dueAt !== null)).toBe(true);

    const afterManager = await actOnInstance(await as(people.manager), { instanceId: id, action: "approve", comment: "Fine by me", expectedVersion: 2 });
    expect(afterManager).toMatchObject({ version: 3, status: "IN_PROGRESS", currentLevelName: "Finance Approval" });
    const done = await actOnInstance(await as(people.finance), { instanceId: id, action: "approve" });
    expect(done).toMatchObject({ version: 4, status: "COMPLETED", currentLevelId: null });

    const instance = await db.flowInstance.findUniqueOrThrow({ where: { id } });
    expect(instance).toMatchObject({ status: "COMPLETED", version: 4, currentLevelId: null });
    expect(instance.completedAt).not.toBeNull();

    const rows = await history(id);
    expect(rows.map((row) => [row.seq, row.action, row.actorId])).toEqual([
      [1, "STARTED", people.employee.id],
      [2, "SUBMITTED", people.employee.id],
      [3, "APPROVED", people.manager.id],
      [4, "APPROVED", people.finance.id],
    ]);
    expect(rows[2]!.comment).toBe("Fine by me");
    expect(rows[2]!.data).toMatchObject({ routing: { chosenBy: "condition", summary: expect.stringContaining("amount (12000) >= 1000 → true") } });

    // Every assignment is closed, each level by the person who decided it.
    const assignments = await db.assignment.findMany({ where: { instanceId: id } });
    expect(assignments.filter((a) => a.status === "OPEN")).toEqual([]);
    const deciderOf = (levelId: string) => [...new Set(assignments.filter((a) => a.levelId === levelId).map((a) => a.decidedById))];
    expect(deciderOf(levels.submission.id)).toEqual([people.employee.id]);
    expect(deciderOf(levels.manager.id)).toEqual([people.manager.id]);
    expect(deciderOf(levels.finance.id)).toEqual([people.finance.id]);

    // The outbox got the trigger events of the same transitions, deduplicated per instance version.
    const outbox = await db.outboxEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(outbox.map((event) => event.type)).toEqual(["FLOW_STARTED", "TASK_STARTED", "TASK_COMPLETED", "FLOW_COMPLETED"]);
    expect(outbox.find((event) => event.type === "TASK_COMPLETED")!.payload).toMatchObject({ taskId: executions[0]!.taskId, data: { amount: 12000 } });
    expect(new Set(outbox.map((event) => event.dedupeKey)).size).toBe(outbox.length);

    // Notifications: managers were told, finance was told, Emma heard about each step; nobody about their own.
    const notes = await db.notification.findMany({ where: { link: `/instances/${id}` } });
    const typesFor = (userId: string) => notes.filter((n) => n.userId === userId).map((n) => n.type).sort();
    expect(typesFor(people.manager.id)).toEqual(["assigned"]);
    expect(typesFor(people.finance.id)).toEqual(["assigned"]);
    expect(typesFor(people.employee.id)).toEqual(["completed", "decided"]);
    // The emails are jobs committed with each decision; the job runner sends them.
    const financeMails = () => db.mailMessage.count({ where: { to: { has: people.finance.email }, subject: { contains: "waiting for you" }, text: { contains: id } } });
    expect(await financeMails()).toBe(0);
    await runQueuedJobs([FLOW_MAIL_TASK]);
    expect(await financeMails()).toBe(1);
    expect(await brokenInstances(db)).toEqual([]);
  });

  it("lets 500 skip finance, and says why", async () => {
    const { instanceId } = await submitExpense(500);
    const result = await actOnInstance(await as(demo.people.manager), { instanceId, action: "approve" });
    expect(result).toMatchObject({ status: "COMPLETED", version: 3 });
    const last = (await history(instanceId)).at(-1)!;
    expect(last.data).toMatchObject({ routing: { chosenBy: "default", summary: expect.stringContaining("amount (500) >= 1000 → false") } });
  });

  it("ends REJECTED with the reason kept, and requires that reason", async () => {
    const { instanceId } = await submitExpense(2_000);
    const manager = await as(demo.people.manager);
    const refused = await rejection(actOnInstance(manager, { instanceId, action: "reject" }));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fieldErrors?.reason).toBeDefined();
    const result = await actOnInstance(manager, { instanceId, action: "reject", reason: "No receipt for the hotel" });
    expect(result.status).toBe("REJECTED");
    const last = (await history(instanceId)).at(-1)!;
    expect(last).toMatchObject({ action: "REJECTED", comment: "No receipt for the hotel", actorId: demo.people.manager.id });
    const told = await db.notification.findFirstOrThrow({ where: { userId: demo.people.employee.id, type: "rejected", link: `/instances/${instanceId}` } });
    expect(told.body).toContain("No receipt for the hotel");
    expect((await rejection(actOnInstance(await as(demo.people.finance), { instanceId, action: "approve" }))).code).toBe("CONFLICT");
  });

  it("sends back to the employee, who resubmits on a new visit", async () => {
    const { people, levels } = demo;
    const { instanceId } = await submitExpense(3_000);
    const back = await actOnInstance(await as(people.manager), { instanceId, action: "send_back", reason: "Wrong category", toLevelId: levels.submission.id });
    expect(back).toMatchObject({ currentLevelId: levels.submission.id, version: 3 });
    const open = await db.assignment.findMany({ where: { instanceId, status: "OPEN" } });
    expect(open.map((a) => [a.principal, a.visit])).toEqual([[`u:${people.employee.id}`, 3]]);
    const receipt = await uploadFile(db, demo.company.id, people.employee.id);
    const again = await actOnInstance(await as(people.employee), { instanceId, action: "submit", data: { ...expense(3_000, receipt), category: "equipment" } });
    expect(again).toMatchObject({ currentLevelId: levels.manager.id, version: 4 });
    const instance = await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(instance.data).toMatchObject({ category: "equipment", amount: 3000 });
    const changed = await db.outboxEvent.findMany({ where: { entityId: instanceId, type: "FIELD_CHANGED" } });
    expect(changed.map((event) => (event.payload as { field: string }).field).sort()).toEqual(["category", "receipt"]);
    expect(await db.taskExecution.count({ where: { flowInstanceId: instanceId } })).toBe(2);
  });

  it("lets the initiator withdraw, and audits an admin's cancel and reassignment", async () => {
    const { people } = demo;
    const mine = await submitExpense(700);
    expect((await cancelInstance(await as(people.employee), { instanceId: mine.instanceId, reason: "Filed twice" })).status).toBe("CANCELLED");
    expect(await db.auditLog.count({ where: { entityId: mine.instanceId } })).toBe(0);

    const other = await submitExpense(800);
    const admin = await as(people.admin);
    await reassignAssignment(admin, { instanceId: other.instanceId, fromPrincipal: `r:${demo.roles.manager.id}`, toUserId: people.finance.id, reason: "Mike is away" });
    const open = await db.assignment.findMany({ where: { instanceId: other.instanceId, status: "OPEN" } });
    expect(open.map((a) => a.principal).sort()).toEqual([`u:${people.finance.id}`, `u:${people.manager.id}`].sort());
    expect((await actOnInstance(await as(people.finance), { instanceId: other.instanceId, action: "approve" })).status).toBe("COMPLETED");

    const third = await submitExpense(900);
    await cancelInstance(admin, { instanceId: third.instanceId, reason: "Duplicate" });
    const audit = await db.auditLog.findMany({ where: { entity: "FlowInstance", entityId: { in: [other.instanceId, third.instanceId] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["instance.reassigned", people.admin.id],
      ["instance.cancelled", people.admin.id],
    ]);
    expect((await rejection(reassignAssignment(await as(people.manager), { instanceId: third.instanceId, fromPrincipal: "x", toUserId: people.manager.id }))).code).toBe("FORBIDDEN");
  });
});

describe("refusals that store nothing", () => {
  it("refuses a submission that fails the form with field errors, and writes nothing at all", async () => {
    const employee = await as(demo.people.employee);
    const before = await Promise.all([db.flowInstance.count(), db.flowInstanceEvent.count(), db.outboxEvent.count()]);
    const bad = await rejection(startInstance(employee, { flowId: demo.flow.id, data: { employee_name: "Emma", amount: -5, category: "travel" } }));
    expect(bad.code).toBe("VALIDATION");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["amount", "receipt"]);
    expect(await Promise.all([db.flowInstance.count(), db.flowInstanceEvent.count(), db.outboxEvent.count()])).toEqual(before);

    // At a level of a running instance: no history row, no version bump.
    const { instanceId } = await startInstance(employee, { flowId: demo.flow.id });
    const draft = await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(draft.version).toBe(1);
    const foreignFile = await uploadFile(db, (await createCompany(db)).id, demo.people.employee.id);
    const refused = await rejection(actOnInstance(employee, { instanceId, action: "submit", data: expense(100, foreignFile) }));
    expect(refused.fieldErrors?.receipt).toBeDefined();
    const extra = await rejection(actOnInstance(employee, { instanceId, action: "submit", data: { nonsense: 1 } }));
    expect(Object.keys(extra.fieldErrors ?? {})).toContain("nonsense");
    expect((await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version).toBe(1);
    expect(await db.flowInstanceEvent.count({ where: { instanceId } })).toBe(1);
  });

  it("refuses self-approval, strangers, and a wrong action", async () => {
    const { people } = demo;
    const { instanceId } = await submitExpense(1_500, people.manager); // Mike files his own expense
    const self = await rejection(actOnInstance(await as(people.manager), { instanceId, action: "approve" }));
    expect(self.code).toBe("VALIDATION");
    expect(self.message).toMatch(/own request/);
    const stranger = await rejection(actOnInstance(await as(people.employee2), { instanceId, action: "approve" }));
    expect(stranger.code).toBe("FORBIDDEN");
    const submitHere = await rejection(actOnInstance(await as(people.employee), { instanceId, action: "request_changes", reason: "x" }));
    expect(submitHere.code).toBe("FORBIDDEN");
  });
});

describe("tenancy", () => {
  it("answers NOT_FOUND to another company's users, and changes nothing", async () => {
    const { instanceId } = await submitExpense(5_000);
    const other = await createCompany(db);
    const intruder = await createUser(db, other, { systemRole: "ADMIN" });
    const ctx = contextFor(other, intruder.id);
    for (const action of ["approve", "cancel"] as const) {
      expect((await rejection(actOnInstance(ctx, { instanceId, action, reason: "mine now" }))).code).toBe("NOT_FOUND");
    }
    expect((await rejection(reassignAssignment(ctx, { instanceId, fromPrincipal: `r:${demo.roles.manager.id}`, toUserId: intruder.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(startInstance(ctx, { flowId: demo.flow.id }))).code).toBe("NOT_FOUND");
    expect((await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version).toBe(2);
    expect(await brokenInstances(db)).toEqual([]);
  });
});
