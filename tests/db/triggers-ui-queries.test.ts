// The queries the trigger editor adds: the recent events of a type that "Test" offers (this
// company's only, newest first, summarised), and the seed's High-Value Alert rebuilt as the editor
// builds it saves and tests as "matched" with the email rendered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { loadEditorOptions } from "@/lib/triggers/editor-options";
import { listRecentEvents, listScopeNames } from "@/lib/triggers/queries";
import { createTrigger } from "@/lib/triggers/service";
import { testTrigger } from "@/lib/triggers/test-run";
import { actingAs, loadDemo, type Demo } from "../support/flow-fixtures";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

describe("trigger editor queries", () => {
  it("lists this company's recent events of one type, newest first, with a summary", async () => {
    const other = await db.company.create({ data: { name: "Other", slug: `other-${Date.now()}` } });
    const at = (seconds: number) => new Date(Date.now() - seconds * 1000);
    await db.outboxEvent.createMany({
      data: [
        { companyId: demo.company.id, type: "WEBHOOK_RECEIVED", entity: "Trigger", entityId: "a", payload: { body: { order: 1, total: 5 } }, createdAt: at(20) },
        { companyId: demo.company.id, type: "WEBHOOK_RECEIVED", entity: "Trigger", entityId: "b", payload: { body: { order: 2, nested: { x: 1 } } }, createdAt: at(10) },
        { companyId: demo.company.id, type: "SCHEDULED", entity: "Trigger", entityId: "c", payload: {}, createdAt: at(5) },
        { companyId: other.id, type: "WEBHOOK_RECEIVED", entity: "Trigger", entityId: "d", payload: { body: { order: 3 } }, createdAt: at(1) },
      ],
    });
    const events = await listRecentEvents(demo.company.id, { type: "WEBHOOK_RECEIVED" });
    expect(events.map((event) => event.summary)).toEqual(["order: 2", "order: 1, total: 5"]);
    expect(events.every((event) => event.type === "WEBHOOK_RECEIVED")).toBe(true);
  });

  it("offers the editor this company's forms, flows, templates, roles and people, and names scopes", async () => {
    const options = await loadEditorOptions(demo.company.id);
    expect(options.tasks.map((task) => task.name)).toContain("Expense Approval Form");
    expect(options.flows.map((flow) => flow.name)).toContain("Expense Approval Workflow");
    expect(options.templates).toContainEqual({ key: "high_value_expense", name: "High Value Expense Alert", isActive: true });
    expect(options.users.map((user) => user.email)).toContain("admin@acme.com");
    expect(options.roles.length).toBeGreaterThan(0);
    const task = options.tasks.find((candidate) => candidate.name === "Expense Approval Form")!;
    expect((await listScopeNames(demo.company.id)).get(task.id)).toBe("Form: Expense Approval Form");
    const other = await db.company.create({ data: { name: "Other options", slug: `other-options-${Date.now()}` } });
    expect(await loadEditorOptions(other.id)).toMatchObject({ tasks: [], flows: [], templates: [], users: [] });
  });

  it("saves and tests the High-Value Alert as the editor builds it", async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const taskId = (await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } })).id;
    const input = {
      name: "High-Value Alert (editor)",
      eventType: "TASK_COMPLETED" as const,
      taskId,
      condition: "amount > 10000",
      actions: [{ type: "send_email" as const, config: { to: ["cfo@acme.com"], template: "high_value_expense" } }],
    };
    const run = await testTrigger(demo.company.id, { trigger: input, sample: { amount: 12000, employee_name: "Emma Employee", category: "travel" } });
    expect(run.matched).toBe(true);
    expect(run.actions[0]!.wouldDo).toMatchObject({ to: ["cfo@acme.com"], subject: "High-value expense requires your review" });
    expect(String(run.actions[0]!.wouldDo.html)).toContain("Emma Employee");
    expect((await createTrigger(admin, input)).id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
