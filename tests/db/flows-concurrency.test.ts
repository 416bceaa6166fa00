// Promise 1 (README "Performance and reliability"): a decision changes an instance exactly once.
// Real concurrent calls against real PostgreSQL: 20 approvals of one task, an "all assignees" level
// approved by 5 people at once, approve vs send back vs withdraw, random concurrent batches
// (fast-check), and idempotent starts. The SQL invariants are checked after every scenario.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actOnInstance, type ActOnInstanceInput } from "@/lib/flows/runner/act-on-instance";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { actingAs, brokenInstances, createFlow, expense, loadDemo, uploadFile, usersWithRole, type Demo } from "../support/flow-fixtures";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

const as = (user: { id: string }) => actingAs(db, user.id);
const fullName = (user: { firstName: string; lastName: string }) => `${user.firstName} ${user.lastName}`;

async function atManagerReview(amount = 12_000) {
  const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
  const started = await startInstance(await as(demo.people.employee), { flowId: demo.flow.id, data: expense(amount, receipt) });
  return started.instanceId;
}

/** Runs every call at once; returns the fulfilled results and the AppErrors of the refused ones. */
async function race<T>(calls: (() => Promise<T>)[]) {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const wins = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const losses = settled.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  for (const loss of losses) if (!(loss instanceof AppError)) throw loss;
  return { wins, losses: losses as AppError[] };
}

describe("one decision, exactly once", () => {
  it("20 distinct eligible approvers at once: one transition, 19 conflicts naming the winner", async () => {
    const { users } = await usersWithRole(db, demo.company.id, 19, demo.roles.manager.id);
    const approvers = [demo.people.manager, ...users];
    const instanceId = await atManagerReview();
    const contexts = await Promise.all(approvers.map(as));
    const { wins, losses } = await race(contexts.map((ctx) => () => actOnInstance(ctx, { instanceId, action: "approve", expectedVersion: 2 })));
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(19);
    const events = await db.flowInstanceEvent.findMany({ where: { instanceId }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["STARTED", "SUBMITTED", "APPROVED"]);
    const winner = approvers.find((user) => user.id === events[2]!.actorId)!;
    for (const loss of losses) {
      expect(loss.code).toBe("CONFLICT");
      expect(loss.message).toMatch(new RegExp(`^This request was already approved by ${fullName(winner)} at \\d\\d:\\d\\d UTC`));
    }
    expect((await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version).toBe(3);
    // FLOW_STARTED, TASK_STARTED, TASK_COMPLETED of the submission; the approval adds none, and nothing is doubled.
    expect(await db.outboxEvent.count({ where: { entityId: instanceId } })).toBe(3);
    expect(await brokenInstances(db)).toEqual([]);
  });

  it("the same user 20 times (a double click, with or without the version seen): one transition", async () => {
    for (const expectedVersion of [2, undefined]) {
      const instanceId = await atManagerReview(500);
      const ctx = await as(demo.people.manager);
      const { wins, losses } = await race(Array.from({ length: 20 }, () => () => actOnInstance(ctx, { instanceId, action: "approve", expectedVersion })));
      expect(wins).toHaveLength(1);
      expect(losses.map((loss) => loss.code)).toEqual(Array(19).fill("CONFLICT"));
      for (const loss of losses) expect(loss.message).toContain(`by ${fullName(demo.people.manager)}`);
      expect(await db.flowInstanceEvent.count({ where: { instanceId } })).toBe(3);
    }
    expect(await brokenInstances(db)).toEqual([]);
  });

  it('an "all assignees" level approved by 5 at once completes exactly once, with every approval kept', async () => {
    const { roleId, users } = await usersWithRole(db, demo.company.id, 5);
    const { flow, levels } = await createFlow(db, {
      companyId: demo.company.id,
      createdById: demo.people.admin.id,
      levels: [
        { name: "Request", assignees: [{ kind: "INITIATOR" }], config: { allowedActions: ["submit"] } },
        { name: "Board", approvalMode: "ALL", assignees: [{ kind: "ROLE", roleId }], config: { allowedActions: ["approve", "reject"] } },
      ],
    });
    const employee = await as(demo.people.employee);
    const { instanceId } = await startInstance(employee, { flowId: flow.id });
    expect((await actOnInstance(employee, { instanceId, action: "submit", data: {} })).currentLevelId).toBe(levels[1]!.id);
    const contexts = await Promise.all(users.map(as));
    const { wins, losses } = await race(contexts.map((ctx) => () => actOnInstance(ctx, { instanceId, action: "approve" })));
    expect(losses).toEqual([]);
    expect(wins.filter((win) => win.status === "COMPLETED")).toHaveLength(1);
    const events = await db.flowInstanceEvent.findMany({ where: { instanceId }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["STARTED", "SUBMITTED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"]);
    expect(new Set(events.slice(2).map((event) => event.actorId))).toEqual(new Set(users.map((user) => user.id)));
    expect(events.filter((event) => event.toLevelId === null)).toHaveLength(1); // left the level once
    expect(await db.outboxEvent.count({ where: { entityId: instanceId, type: "FLOW_COMPLETED" } })).toBe(1);
    const board = await db.assignment.findMany({ where: { instanceId, levelId: levels[1]!.id } });
    expect(board.map((a) => [a.status, a.decidedById === null])).toEqual([["DONE", false]]);
    expect(await brokenInstances(db)).toEqual([]);
  });

  it("approve vs send back vs withdraw at once: exactly one wins, every time", async () => {
    const { users } = await usersWithRole(db, demo.company.id, 1, demo.roles.manager.id);
    const [manager, employee, otherManager] = await Promise.all([as(demo.people.manager), as(demo.people.employee), as(users[0]!)]);
    for (let round = 0; round < 8; round++) {
      const instanceId = await atManagerReview();
      const calls: ActOnInstanceInput[] = [
        { instanceId, action: "approve", expectedVersion: 2 },
        { instanceId, action: "send_back", reason: "Missing detail", toLevelId: demo.levels.submission.id, expectedVersion: 2 },
        { instanceId, action: "cancel", reason: "Not needed any more", expectedVersion: 2 },
      ];
      const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
      const who = [manager, otherManager, employee];
      const { wins, losses } = await race(order.map((i) => () => actOnInstance(who[i]!, calls[i]!)));
      expect(wins).toHaveLength(1);
      expect(losses.map((loss) => loss.code)).toEqual(["CONFLICT", "CONFLICT"]);
      expect((await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version).toBe(3);
    }
    expect(await brokenInstances(db)).toEqual([]);
  });

  it("random concurrent batches of actions never break the invariants (fast-check)", async () => {
    const { users } = await usersWithRole(db, demo.company.id, 2, demo.roles.finance.id);
    const people = [demo.people.manager, demo.people.finance, demo.people.employee, demo.people.admin, users[0]!, users[1]!];
    const contexts = new Map(await Promise.all(people.map(async (user) => [user.id, await as(user)] as const)));
    const ZAction = fc.record({
      who: fc.constantFrom(...people.map((user) => user.id)),
      action: fc.constantFrom("approve", "reject", "send_back", "cancel" as const),
      withVersion: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), fc.array(fc.array(ZAction, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), async (amount, batches) => {
        const instanceId = await atManagerReview(amount);
        for (const batch of batches) {
          const seen = (await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version;
          const { wins } = await race(
            batch.map((step) => () =>
              actOnInstance(contexts.get(step.who)!, {
                instanceId,
                action: step.action,
                reason: "because",
                toLevelId: demo.levels.submission.id,
                expectedVersion: step.withVersion ? seen : undefined,
              }),
            ),
          );
          const after = (await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version;
          // Every accepted call is exactly one version; refused ones none.
          expect(after - seen).toBe(wins.length);
        }
        expect(await brokenInstances(db)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe("idempotent starts", () => {
  it("the same key twice returns the same instance", async () => {
    const ctx = await as(demo.people.employee);
    const first = await startInstance(ctx, { flowId: demo.flow.id, idempotencyKey: "expense-2026-001" });
    const second = await startInstance(ctx, { flowId: demo.flow.id, idempotencyKey: "expense-2026-001" });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ instanceId: first.instanceId, created: false });
    // Someone else's key never hands out their instance.
    const other = await startInstance(await as(demo.people.employee2), { flowId: demo.flow.id, idempotencyKey: "expense-2026-001" }).catch((error: AppError) => error);
    expect(other).toMatchObject({ code: "CONFLICT" });
  });

  it("10 concurrent starts with one key create one instance, and all return it", async () => {
    const ctx = await as(demo.people.employee);
    const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => startInstance(ctx, { flowId: demo.flow.id, idempotencyKey: "race-key", data: expense(42, receipt) })));
    expect(new Set(results.map((result) => result.instanceId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db.flowInstance.count({ where: { companyId: demo.company.id, idempotencyKey: "race-key" } })).toBe(1);
    expect(await db.flowInstanceEvent.count({ where: { instanceId: results[0]!.instanceId } })).toBe(2);
    expect(await brokenInstances(db)).toEqual([]);
  });
});
