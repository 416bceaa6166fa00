// The static proof at publish on real PostgreSQL: the org snapshot is the company's (and only its),
// publishing is refused on assignee coverage and branch-coverage errors with counter-examples, and
// warnings do not block.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadOrgSnapshot } from "@/lib/flows/analysis/org-snapshot";
import { createFlow, publishFlow, saveFlowDraft } from "@/lib/flows/service";
import { createCompany, createUser } from "../support/fixtures";
import { purchaseRequest } from "../support/flow-design";
import { actingAs, loadDemo, type Demo } from "../support/flow-fixtures";

let demo: Demo;
let expenseFormVersionId: string;

beforeAll(async () => {
  demo = await loadDemo(db);
  expenseFormVersionId = (await db.taskVersion.findFirstOrThrow({ where: { companyId: demo.company.id, state: "PUBLISHED", task: { name: "Expense Approval Form" } } })).id;
});
afterAll(async () => {
  await db.$disconnect();
});

async function draftOf(definition: ReturnType<typeof purchaseRequest>) {
  const ctx = await actingAs(db, demo.people.admin.id);
  const flow = await createFlow(ctx, { name: `Analysis ${Math.random().toString(36).slice(2, 8)}`, description: null });
  await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition });
  return { ctx, flowId: flow.id };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: { code: string; details: { problems: { code: string; path: string; severity: string; message: string; counterExample?: string }[] } }) => error);

describe("org snapshot", () => {
  it("holds the company's active people with their roles, and names of roles, departments and inactive people", async () => {
    const org = await loadOrgSnapshot(db, demo.company.id);
    const finance = org.users.find((user) => user.id === demo.people.finance.id);
    expect(finance).toMatchObject({ roleIds: expect.arrayContaining([demo.roles.finance.id]) });
    expect(org.roleNames[demo.roles.finance.id]).toBe("Finance");
    expect(org.departmentNames[demo.departments.engineering.id]).toBe("Engineering");

    const other = await createCompany(db);
    const stranger = await createUser(db, other);
    const gone = await createUser(db, other, { isActive: false });
    const theirs = await loadOrgSnapshot(db, other.id);
    expect(theirs.users.map((user) => user.id)).toEqual([stranger.id]);
    expect(theirs.inactiveUserNames).toEqual({ [gone.id]: "Test EMPLOYEE" });
    expect(Object.keys(theirs.roleNames)).toEqual([]);
    expect(org.users.some((user) => user.id === stranger.id)).toBe(false);
  });
});

describe("publish runs the static proof", () => {
  it("refuses a level whose role has no active members, naming it, and keeps the draft", async () => {
    const empty = await db.role.create({ data: { companyId: demo.company.id, name: `Auditors ${Math.random().toString(36).slice(2, 6)}`, permissions: [] } });
    const { ctx, flowId } = await draftOf(purchaseRequest({ expenseFormVersionId, financeRoleId: empty.id }));
    const error = await refusal(publishFlow(ctx, { flowId, changeNote: null }));
    expect(error?.code).toBe("VALIDATION");
    expect(error?.details.problems).toEqual([
      expect.objectContaining({ code: "ASSIGNEE_NONE", severity: "error", path: "levels[2].assignees", message: `"Finance approval": role ${empty.name} has no active members, so no one could act on it.` }),
    ]);
    expect((await db.flowVersion.findFirstOrThrow({ where: { flowId } })).state).toBe("DRAFT");

    // Someone joins the role: the same draft publishes.
    await db.userRole.create({ data: { companyId: demo.company.id, userId: demo.people.finance.id, roleId: empty.id } });
    await expect(publishFlow(ctx, { flowId, changeNote: null })).resolves.toMatchObject({ number: 1 });
  });

  it("refuses a gap between the branch conditions with its counter-example, and publishes once it is closed", async () => {
    const definition = purchaseRequest({ expenseFormVersionId, financeRoleId: demo.roles.finance.id, condition: "amount > 1000" });
    definition.branches[1] = { ...definition.branches[1]!, isDefault: false, condition: "amount < 1000" };
    const { ctx, flowId } = await draftOf(definition);
    const error = await refusal(publishFlow(ctx, { flowId, changeNote: null }));
    expect(error?.details.problems.map((problem) => [problem.code, problem.path, problem.counterExample])).toEqual([["BRANCH_GAP", "levels[1]", "Amount = 1,000"]]);

    definition.branches[0] = { ...definition.branches[0]!, condition: "amount >= 1000" };
    await saveFlowDraft(ctx, { flowId, revision: 2, definition });
    await expect(publishFlow(ctx, { flowId, changeNote: null })).resolves.toMatchObject({ number: 1 });
  });

  it("publishes despite warnings (an overlap of two branches)", async () => {
    const definition = purchaseRequest({ expenseFormVersionId, financeRoleId: demo.roles.finance.id, condition: "amount >= 1000" });
    const { newId } = await import("@/lib/flows/editor/new-id");
    definition.branches.splice(1, 0, { ...definition.branches[1]!, id: newId(), isDefault: false, condition: "amount >= 500", priority: 1 });
    definition.branches[2] = { ...definition.branches[2]!, priority: 2 };
    const { ctx, flowId } = await draftOf(definition);
    const published = await publishFlow(ctx, { flowId, changeNote: null });
    expect(published).toMatchObject({ number: 1 });
    // The warnings that did not block it are in the answer, with their counter-examples.
    const overlap = published.warnings.find((warning) => warning.counterExample?.includes("1,000"));
    expect(overlap).toMatchObject({ path: expect.stringMatching(/^branches\[\d\]/) });
  });
});
