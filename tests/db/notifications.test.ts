// The bell's reads and writes on real PostgreSQL: a user sees and marks only their own
// notifications, in their own company; a flow decision lands as a notification for the initiator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actOnInstance } from "@/lib/flows/runner/act-on-instance";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/queries";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/service";
import { createCompany, createUser } from "../support/fixtures";
import { actingAs, expense, loadDemo, principalOf, uploadFile, type Demo } from "../support/flow-fixtures";
import { rejection } from "../support/outcomes";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db); // seeds only an empty database: before any test adds a company
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

async function twoPeople() {
  const company = await createCompany(db, "Bell Co");
  const alice = await createUser(db, company);
  const bob = await createUser(db, company);
  const note = (userId: string, title: string, minutesAgo: number) =>
    db.notification.create({ data: { companyId: company.id, userId, type: "assigned", title, link: "/instances/x", createdAt: new Date(Date.now() - minutesAgo * 60_000) } });
  return { company, alice, bob, note };
}

describe("notifications", () => {
  it("lists only the caller's own, newest first, and counts the unread", async () => {
    const { alice, bob, note } = await twoPeople();
    await note(alice.id, "older", 10);
    await note(alice.id, "newer", 1);
    await note(bob.id, "bob's", 0);
    const principal = await principalOf(db, alice.id);
    expect((await listNotifications(principal)).map((item) => item.title)).toEqual(["newer", "older"]);
    expect((await listNotifications(principal, 1)).map((item) => item.title)).toEqual(["newer"]);
    expect(await countUnreadNotifications(principal)).toBe(2);
  });

  it("marks one read (once, audited), and refuses another user's or another company's like a missing one", async () => {
    const { company, alice, bob, note } = await twoPeople();
    const mine = await note(alice.id, "mine", 1);
    const bobs = await note(bob.id, "bob's", 1);
    const ctx = await actingAs(db, alice.id);

    await markNotificationRead(ctx, { id: mine.id });
    const read = await db.notification.findUniqueOrThrow({ where: { id: mine.id } });
    expect(read.readAt).not.toBeNull();
    await markNotificationRead(ctx, { id: mine.id }); // again: no change, no second audit entry
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toEqual(read.readAt);
    expect(await db.auditLog.count({ where: { companyId: company.id, action: "notification.read", entityId: mine.id, actorId: alice.id } })).toBe(1);

    expect((await rejection(markNotificationRead(ctx, { id: bobs.id }))).code).toBe("NOT_FOUND");
    const stranger = await createUser(db, await createCompany(db, "Elsewhere"));
    expect((await rejection(markNotificationRead(await actingAs(db, stranger.id), { id: mine.id }))).code).toBe("NOT_FOUND");
    // A context claiming Alice's company with a foreign user still cannot reach her rows.
    const forged = { ...(await actingAs(db, stranger.id)), companyId: company.id };
    expect((await rejection(markNotificationRead(forged, { id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await db.notification.findUniqueOrThrow({ where: { id: bobs.id } })).readAt).toBeNull();
  });

  it("marks all of the caller's unread read, and nobody else's", async () => {
    const { alice, bob, note } = await twoPeople();
    await note(alice.id, "a1", 2);
    await note(alice.id, "a2", 1);
    await note(bob.id, "b1", 1);
    expect(await markAllNotificationsRead(await actingAs(db, alice.id))).toEqual({ count: 2 });
    expect(await countUnreadNotifications(await principalOf(db, alice.id))).toBe(0);
    expect(await countUnreadNotifications(await principalOf(db, bob.id))).toBe(1);
    expect(await markAllNotificationsRead(await actingAs(db, alice.id))).toEqual({ count: 0 });
  });

  it("tells the initiator about a decision, linked to the instance", async () => {
    const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
    const { instanceId } = await startInstance(await actingAs(db, demo.people.employee.id), { flowId: demo.flow.id, data: expense(250, receipt) });
    await actOnInstance(await actingAs(db, demo.people.manager.id), { instanceId, action: "reject", reason: "No receipt date" });
    const notes = await listNotifications(await principalOf(db, demo.people.employee.id), 50);
    const about = notes.filter((item) => item.link === `/instances/${instanceId}`);
    expect(about.map((item) => item.title)).toContain("Expense Approval Workflow: your request was rejected");
    expect(about.every((item) => item.readAt === null)).toBe(true);
  });
});
