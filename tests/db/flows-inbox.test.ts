// The inbox and instance queries on real PostgreSQL: exactly the open items for role, department,
// user and manager principals, minus what the user cannot act on; nothing of another company; the
// instance page's data and visibility; "why is this (not) here?"; the flows a user may start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/session";
import { countInbox, explainAbsence, getInstanceDetail, listInbox, listMyRequests, listStartableFlows } from "@/lib/flows/queries";
import { actOnInstance } from "@/lib/flows/runner/act-on-instance";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { createCompany, createUser } from "../support/fixtures";
import { actingAs, createFlow, expense, loadDemo, principalOf, uploadFile, type Demo, type LevelSpec } from "../support/flow-fixtures";
import { rejection } from "../support/outcomes";

let demo: Demo;
beforeAll(async () => {
  demo = await loadDemo(db);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

const ids = (page: { items: { instanceId: string }[] }) => page.items.map((item) => item.instanceId).sort();

/** A company whose four flows each wait, after the requester's submission, for one kind of assignee. */
async function routedCompany() {
  const company = await createCompany(db, "Inbox Co");
  const department = await db.department.create({ data: { companyId: company.id, name: "Legal" } });
  const role = await db.role.create({ data: { companyId: company.id, name: "Auditor", permissions: ["instances.approve"] } });
  const boss = await createUser(db, company, { systemRole: "MANAGER" });
  const requester = await db.user.update({ where: { id: (await createUser(db, company)).id }, data: { managerId: boss.id } });
  const auditor = await createUser(db, company);
  await db.userRole.create({ data: { userId: auditor.id, roleId: role.id, companyId: company.id } });
  const lawyer = await createUser(db, company, { departmentId: department.id });
  const named = await createUser(db, company);
  const outsider = await createUser(db, company);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const flow = async (name: string, assignee: LevelSpec["assignees"][number], extra: Partial<LevelSpec> = {}) =>
    createFlow(db, {
      companyId: company.id,
      createdById: admin.id,
      name,
      levels: [
        { name: "Request", assignees: [{ kind: "INITIATOR" }], config: { allowedActions: ["submit"] } },
        { name: `${name} review`, assignees: [assignee], config: { allowedActions: ["approve", "reject"] }, ...extra },
      ],
    });
  const flows = {
    role: await flow("By role", { kind: "ROLE", roleId: role.id }),
    department: await flow("By department", { kind: "DEPARTMENT", departmentId: department.id }),
    user: await flow("By name", { kind: "USER", userId: named.id }),
    manager: await flow("By manager", { kind: "INITIATOR_MANAGER" }),
  };
  const submitted = async (flowId: string, by = requester) => {
    const ctx = await actingAs(db, by.id);
    const { instanceId } = await startInstance(ctx, { flowId });
    await actOnInstance(ctx, { instanceId, action: "submit", data: {} });
    return instanceId;
  };
  const instances = {
    role: await submitted(flows.role.flow.id),
    department: await submitted(flows.department.flow.id),
    user: await submitted(flows.user.flow.id),
    manager: await submitted(flows.manager.flow.id),
  };
  return { company, role, department, people: { boss, requester, auditor, lawyer, named, outsider, admin }, flows, instances, submitted };
}

describe("listInbox", () => {
  it("holds exactly the open items of each principal kind, and nothing of another company", async () => {
    const setup = await routedCompany();
    const { people, instances } = setup;
    const draft = (await startInstance(await actingAs(db, people.requester.id), { flowId: setup.flows.role.flow.id })).instanceId;
    const principal = (user: { id: string }) => principalOf(db, user.id);

    expect(ids(await listInbox(await principal(people.auditor)))).toEqual([instances.role]);
    expect(ids(await listInbox(await principal(people.lawyer)))).toEqual([instances.department]);
    expect(ids(await listInbox(await principal(people.named)))).toEqual([instances.user]);
    expect(ids(await listInbox(await principal(people.boss)))).toEqual([instances.manager]);
    expect(ids(await listInbox(await principal(people.requester)))).toEqual([draft]); // their own unsubmitted request
    expect(ids(await listInbox(await principal(people.outsider)))).toEqual([]);
    expect(await countInbox(await principal(people.auditor))).toBe(1);

    const item = (await listInbox(await principal(people.boss))).items[0]!;
    expect(item).toMatchObject({ flow: { name: "By manager" }, level: { name: "By manager review" }, initiator: { id: people.requester.id }, via: `u:${people.boss.id}` });

    // Another company's assignment under the same principal key stays in that company.
    const other = await createCompany(db, "Elsewhere");
    const anyInstance = await db.flowInstance.findFirstOrThrow({ where: { id: instances.role } });
    await db.assignment.create({ data: { companyId: other.id, instanceId: anyInstance.id, levelId: anyInstance.currentLevelId!, principal: `r:${setup.role.id}` } });
    expect(ids(await listInbox(await principal(people.auditor)))).toEqual([instances.role]);
    expect(await countInbox(await principal(people.auditor))).toBe(1);

    // Decided: gone from the inbox.
    await actOnInstance(await actingAs(db, people.auditor.id), { instanceId: instances.role, action: "approve" });
    expect(ids(await listInbox(await principal(people.auditor)))).toEqual([]);
  });

  it("leaves out an approval already given at an all-assignees level, and one's own request where self-approval is refused", async () => {
    const setup = await routedCompany();
    const { people } = setup;
    const second = await createUser(db, setup.company);
    await db.userRole.create({ data: { userId: second.id, roleId: setup.role.id, companyId: setup.company.id } });
    const { flow } = await createFlow(db, {
      companyId: setup.company.id,
      createdById: people.admin.id,
      levels: [
        { name: "Request", assignees: [{ kind: "INITIATOR" }], config: { allowedActions: ["submit"] } },
        { name: "Both auditors", approvalMode: "ALL", assignees: [{ kind: "ROLE", roleId: setup.role.id }], config: { allowedActions: ["approve", "reject"] } },
      ],
    });
    const instanceId = await setup.submitted(flow.id);
    await actOnInstance(await actingAs(db, people.auditor.id), { instanceId, action: "approve" });
    expect(ids(await listInbox(await principalOf(db, people.auditor.id)))).not.toContain(instanceId);
    expect(ids(await listInbox(await principalOf(db, second.id)))).toContain(instanceId);

    // The auditor files their own request at a level they hold: not theirs to decide.
    const own = await setup.submitted(setup.flows.role.flow.id, people.auditor);
    expect(ids(await listInbox(await principalOf(db, people.auditor.id)))).not.toContain(own);
    expect(ids(await listInbox(await principalOf(db, second.id)))).toContain(own);
    // The badge counts by the same rules.
    for (const user of [people.auditor, second, people.requester]) {
      const principal = await principalOf(db, user.id);
      expect(await countInbox(principal)).toBe((await listInbox(principal)).items.length);
    }
  });

  it("searches, filters, sorts, pages, and shows the first key fields in form order", async () => {
    const manager = await principalOf(db, demo.people.manager.id);
    const employee = await actingAs(db, demo.people.employee.id);
    const started: string[] = [];
    for (const amount of [111, 222, 333]) {
      const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
      started.push((await startInstance(employee, { flowId: demo.flow.id, data: expense(amount, receipt, `Trip ${amount}`) })).instanceId);
    }
    const all = await listInbox(manager, { search: "Trip", sort: "oldest" });
    expect(all.items.map((item) => item.instanceId)).toEqual(started);
    expect(all.items[0]!.keyFields).toEqual([
      { key: "employee_name", label: "Employee Name", value: "Trip 111" },
      { key: "amount", label: "Amount", value: 111 },
      { key: "category", label: "Category", value: "travel" },
    ]);
    expect(all.items[0]!.dueAt).not.toBeNull();
    const newest = await listInbox(manager, { search: "Trip", sort: "newest", pageSize: 2 });
    expect(newest).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    expect(newest.items.map((item) => item.instanceId)).toEqual([started[2], started[1]]);
    const second = await listInbox(manager, { search: "Trip", sort: "newest", pageSize: 2, page: 2 });
    expect(second.items.map((item) => item.instanceId)).toEqual([started[0]]);
    expect((await listInbox(manager, { search: "Trip 222" })).items.map((item) => item.instanceId)).toEqual([started[1]]);
    expect((await listInbox(manager, { search: "Trip", flowId: "00000000-0000-4000-8000-000000000000" })).items).toEqual([]);
    expect((await listInbox(manager, { search: "100%_" })).items).toEqual([]); // wildcards are literal

    const mine = await listMyRequests(await principalOf(db, demo.people.employee.id), { search: "Trip", status: "IN_PROGRESS" });
    expect(mine.items.map((item) => item.instanceId).sort()).toEqual([...started].sort());
    expect(mine.items[0]).toMatchObject({ currentLevel: { name: "Manager Review" }, flow: { name: "Expense Approval Workflow" } });
  });

  it("keeps only overdue items when asked, and finds an item by its reference", async () => {
    const setup = await routedCompany();
    const auditor = await principalOf(db, setup.people.auditor.id);
    const late = setup.instances.role;
    const onTime = await setup.submitted(setup.flows.role.flow.id);
    await db.assignment.updateMany({ where: { instanceId: late, status: "OPEN" }, data: { dueAt: new Date(Date.now() - 60_000) } });
    await db.assignment.updateMany({ where: { instanceId: onTime, status: "OPEN" }, data: { dueAt: new Date(Date.now() + 3_600_000) } });

    expect(ids(await listInbox(auditor))).toEqual([late, onTime].sort());
    const overdue = await listInbox(auditor, { overdue: true });
    expect(overdue.items.map((item) => [item.instanceId, item.isOverdue])).toEqual([[late, true]]);
    expect(ids(await listInbox(auditor, { overdue: false }))).toEqual([late, onTime].sort());

    // The reference the inbox shows is the id's first 8 characters, typed with or without "#", any case.
    const reference = `#${onTime.slice(0, 8).toUpperCase()}`;
    expect(ids(await listInbox(auditor, { search: reference }))).toEqual([onTime]);
    expect(ids(await listInbox(auditor, { search: onTime.slice(0, 8) }))).toEqual([onTime]);
    expect(ids(await listInbox(auditor, { search: reference, overdue: true }))).toEqual([]);
  });
});

describe("the instance page", () => {
  let instanceId: string;
  let principals: Record<"employee" | "employee2" | "manager" | "finance" | "admin", Principal>;
  beforeAll(async () => {
    const receipt = await uploadFile(db, demo.company.id, demo.people.employee.id);
    instanceId = (await startInstance(await actingAs(db, demo.people.employee.id), { flowId: demo.flow.id, data: expense(12_000, receipt) })).instanceId;
    await actOnInstance(await actingAs(db, demo.people.manager.id), { instanceId, action: "approve", comment: "OK" });
    const { employee, employee2, manager, finance, admin } = demo.people;
    principals = {
      employee: await principalOf(db, employee.id),
      employee2: await principalOf(db, employee2.id),
      manager: await principalOf(db, manager.id),
      finance: await principalOf(db, finance.id),
      admin: await principalOf(db, admin.id),
    };
  });

  it("shows the current assignee what they may do, and why it is theirs", async () => {
    const detail = await getInstanceDetail(principals.finance, instanceId);
    expect(detail.instance).toMatchObject({ status: "IN_PROGRESS", version: 3, currentLevel: { name: "Finance Approval" }, initiator: { id: demo.people.employee.id } });
    expect(detail.allowed.actions).toEqual(["approve", "reject", "send_back"]);
    expect(detail.allowed.sendBackTargets.map((target) => target.name)).toEqual(["Manager Review", "Employee Submission"]);
    expect(detail.why.matched).toEqual([{ principal: `r:${demo.roles.finance.id}`, label: "role Finance" }]);
    expect(detail.why.summary).toContain("amount (12000) >= 1000 → true");
    expect(detail.current).toMatchObject({ name: "Finance Approval", waitingFor: [{ label: "role Finance" }], forms: [] });
    expect(detail.history.map((entry) => [entry.action, entry.actor?.name])).toEqual([
      ["STARTED", "Emma Employee"],
      ["SUBMITTED", "Emma Employee"],
      ["APPROVED", "Mike Manager"],
    ]);
    expect(detail.history[2]!.routing?.evaluated[0]).toMatchObject({ result: true });
    expect(detail.submissions).toHaveLength(1);
    expect(detail.submissions[0]!.form).toMatchObject({ name: "Expense Approval Form", versionNumber: 1, definition: { fields: expect.any(Array) } });
    expect(detail.definition.levels.map((level) => level.assignees)).toEqual([["the initiator"], ["role Manager", "manager of the initiator (Mike Manager)"], ["role Finance"]]);
    expect(detail.path).toEqual([demo.levels.submission.id, demo.levels.manager.id, demo.levels.finance.id]);
  });

  it("is visible to the initiator, past approvers and admins; NOT_FOUND for anyone else and other companies", async () => {
    expect((await getInstanceDetail(principals.employee, instanceId)).allowed).toMatchObject({ actions: [], canCancel: true });
    expect((await getInstanceDetail(principals.manager, instanceId)).allowed.actions).toEqual([]);
    expect((await getInstanceDetail(principals.admin, instanceId)).allowed).toMatchObject({ canCancel: true, canReassign: true });
    expect((await rejection(getInstanceDetail(principals.employee2, instanceId))).code).toBe("NOT_FOUND");
    const other = await createCompany(db);
    const foreignAdmin = await principalOf(db, (await createUser(db, other, { systemRole: "ADMIN" })).id);
    expect((await rejection(getInstanceDetail(foreignAdmin, instanceId))).code).toBe("NOT_FOUND");
    expect((await rejection(explainAbsence(foreignAdmin, instanceId, demo.people.finance.id))).code).toBe("NOT_FOUND");
  });

  it("explains to an admin why it is, or is not, in someone's inbox", async () => {
    const absent = await explainAbsence(principals.admin, instanceId, demo.people.manager.id);
    expect(absent.inInbox).toBe(false);
    expect(absent.reasons.join(" ")).toMatch(/"Finance Approval" waits for role Finance\..*Mike Manager is .*role Manager.*none of these/);
    const present = await explainAbsence(principals.admin, instanceId, demo.people.finance.id);
    expect(present).toMatchObject({ inInbox: true, reasons: [expect.stringContaining("as role Finance")] });
    expect((await rejection(explainAbsence(principals.employee, instanceId, demo.people.finance.id))).code).toBe("FORBIDDEN");
  });

  it("lists the flows a user may start, with the forms of a first level they fill", async () => {
    const flows = await listStartableFlows(principals.employee);
    const expenseFlow = flows.find((flow) => flow.id === demo.flow.id)!;
    expect(expenseFlow.firstLevel).toMatchObject({ name: "Employee Submission", filledByInitiator: true, forms: [{ name: "Expense Approval Form" }] });
    expect(await listStartableFlows({ ...principals.employee, permissions: new Set() })).toEqual([]);
  });
});
