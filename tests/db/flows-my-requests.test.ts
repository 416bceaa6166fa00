// "My requests" on real PostgreSQL: each request's status, who it waits for (roles, people and the
// manager slot by name), and the changes-requested filter for requests returned to their initiator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listMyRequests } from "@/lib/flows/queries";
import { actOnInstance } from "@/lib/flows/runner/act-on-instance";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { actingAs, expense, loadDemo, principalOf, uploadFile, type Demo } from "../support/flow-fixtures";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

describe("listMyRequests", () => {
  it("says who each running request waits for, marks the returned ones, and filters on them", async () => {
    const tag = `Mine ${Date.now().toString(36)}`;
    const employee = await actingAs(db, demo.people.employee.id);
    const manager = await actingAs(db, demo.people.manager.id);
    const start = async (amount: number) => (await startInstance(employee, { flowId: demo.flow.id, data: expense(amount, await uploadFile(db, demo.company.id, demo.people.employee.id), tag) })).instanceId;
    const atManager = await start(100);
    const atFinance = await start(5_000);
    await actOnInstance(manager, { instanceId: atFinance, action: "approve" });
    const returned = await start(200);
    await actOnInstance(manager, { instanceId: returned, action: "send_back", reason: "Attach the right receipt", toLevelId: demo.levels.submission.id });
    const done = await start(300);
    await actOnInstance(manager, { instanceId: done, action: "approve" });

    const me = await principalOf(db, demo.people.employee.id);
    const all = await listMyRequests(me, { search: tag });
    const byId = new Map(all.items.map((item) => [item.instanceId, item]));
    expect(byId.get(atManager)).toMatchObject({ status: "IN_PROGRESS", changesRequested: false, currentLevel: { name: "Manager Review" } });
    expect(byId.get(atManager)!.waitingFor.map((p) => p.label).sort()).toEqual(["manager of the initiator (Mike Manager)", "role Manager"]);
    expect(byId.get(atFinance)).toMatchObject({ changesRequested: false, waitingFor: [{ label: "role Finance" }] });
    expect(byId.get(returned)).toMatchObject({ status: "IN_PROGRESS", changesRequested: true, currentLevel: { name: "Employee Submission" }, waitingFor: [{ label: "Emma Employee" }] });
    expect(byId.get(done)).toMatchObject({ status: "COMPLETED", changesRequested: false, waitingFor: [] });

    expect((await listMyRequests(me, { search: tag, status: "CHANGES_REQUESTED" })).items.map((item) => item.instanceId)).toEqual([returned]);
    expect((await listMyRequests(me, { search: tag, status: "IN_PROGRESS" })).items.map((item) => item.instanceId).sort()).toEqual([atManager, atFinance, returned].sort());
    expect((await listMyRequests(me, { search: tag, status: "COMPLETED" })).items.map((item) => item.instanceId)).toEqual([done]);
    // Someone else's list never holds them.
    expect((await listMyRequests(await principalOf(db, demo.people.employee2.id), { search: tag })).items).toEqual([]);
  });
});
