// Designing flows on real PostgreSQL: create → save the draft (compare-and-set, references checked)
// → publish (refused with located problems, or frozen for good) → start and route as designed →
// edit the published flow as draft n+1 while running instances stay on their version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actOnInstance } from "@/lib/flows/runner/act-on-instance";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { getFlowDraft } from "@/lib/flows/design-queries";
import { createFlow, createFlowDraftFromPublished, publishFlow, saveFlowDraft, setFlowArchived } from "@/lib/flows/service";
import { clearFlowVersionParts, writeFlowVersionParts } from "@/lib/flows/write-version";
import { contextFor, createCompany, createUser } from "../support/fixtures";
import { actingAs, expense, loadDemo, uploadFile, type Demo } from "../support/flow-fixtures";
import { purchaseRequest } from "../support/flow-design";

let demo: Demo;
let expenseFormVersionId: string;

beforeAll(async () => {
  demo = await loadDemo(db);
  expenseFormVersionId = (await db.taskVersion.findFirstOrThrow({ where: { companyId: demo.company.id, state: "PUBLISHED", task: { name: "Expense Approval Form" } } })).id;
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

const admin = () => actingAs(db, demo.people.admin.id);
const design = () => purchaseRequest({ expenseFormVersionId, financeRoleId: demo.roles.finance.id });

async function newFlow(name = `Purchase ${Math.random().toString(36).slice(2, 8)}`) {
  const ctx = await admin();
  const flow = await createFlow(ctx, { name, description: null });
  return { ctx, flow };
}

describe("flow design", () => {
  it("creates a flow with an empty draft version 1, audited", async () => {
    const { flow } = await newFlow();
    expect(flow).toMatchObject({ status: "DRAFT", draft: { number: 1, revision: 1 } });
    expect(await db.flowVersion.count({ where: { flowId: flow.id, state: "DRAFT" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: flow.id, action: "flow.created" } })).toBe(1);
  });

  it("saves the whole definition into the draft's rows and reads it back the same", async () => {
    const { ctx, flow } = await newFlow();
    const definition = design();
    const saved = await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition });
    expect(saved.revision).toBe(2);
    const levels = await db.flowLevel.findMany({ where: { flowVersionId: saved.versionId }, orderBy: { order: "asc" }, include: { assignees: true, tasks: true } });
    expect(levels.map((level) => [level.id, level.name])).toEqual(definition.levels.map((level) => [level.id, level.name]));
    expect(levels[0]!.tasks.map((task) => task.taskVersionId)).toEqual([expenseFormVersionId]);
    const branches = await db.flowBranch.findMany({ where: { flowVersionId: saved.versionId }, orderBy: { priority: "asc" } });
    expect(branches.map((branch) => branch.condition)).toEqual([{ source: "amount >= 1000" }, null]);
    // A second save replaces the rows (a level removed takes its branches with it).
    const fewer = { ...definition, levels: definition.levels.slice(0, 2), branches: [] };
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 2, definition: fewer });
    expect(await db.flowLevel.count({ where: { flowVersionId: saved.versionId } })).toBe(2);
    expect(await db.flowBranch.count({ where: { flowVersionId: saved.versionId } })).toBe(0);
  });

  it("stores the canvas layout when a save gives one (unknown node ids dropped) and keeps it when a save does not", async () => {
    const { ctx, flow } = await newFlow();
    const definition = design();
    const [first] = definition.levels;
    const layout = { nodes: { [first!.id]: { x: 120, y: 40 }, start: { x: 0, y: -80 }, "not-a-level": { x: 5, y: 5 } }, viewport: { x: 10, y: 20, zoom: 0.8 } };
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition, layout });
    const expected = { nodes: { [first!.id]: { x: 120, y: 40 }, start: { x: 0, y: -80 } }, viewport: { x: 10, y: 20, zoom: 0.8 } };
    expect((await getFlowDraft(demo.company.id, flow.id)).draft?.layout).toEqual(expected);
    // The list editor saves without a layout: the positions survive.
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 2, definition });
    expect((await db.flowVersion.findFirstOrThrow({ where: { flowId: flow.id, state: "DRAFT" } })).layout).toEqual(expected);
    // A level removed in the list editor loses its position when the draft is read.
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 3, definition: { ...definition, levels: definition.levels.slice(1), branches: [] } });
    expect((await getFlowDraft(demo.company.id, flow.id)).draft?.layout).toEqual({ nodes: { start: { x: 0, y: -80 } }, viewport: { x: 10, y: 20, zoom: 0.8 } });
  });

  it("refuses a save at a stale revision, naming who saved when, and changes nothing", async () => {
    const { ctx, flow } = await newFlow();
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: design() });
    const error = await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: { ...design(), levels: [], branches: [] } }).catch((caught) => caught);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Sarah Admin saved this flow at \d\d:\d\d UTC; reload to see their changes\.$/) });
    const draft = await db.flowVersion.findFirstOrThrow({ where: { flowId: flow.id, state: "DRAFT" } });
    expect(draft.revision).toBe(2);
    expect(await db.flowLevel.count({ where: { flowVersionId: draft.id } })).toBe(3);
  });

  it("refuses roles, forms and ids of another company with errors at their path, writing nothing", async () => {
    const { ctx, flow } = await newFlow();
    const other = await createCompany(db);
    const foreignRole = await db.role.create({ data: { companyId: other.id, name: "Foreign", permissions: [] } });
    const definition = design();
    definition.levels[2]!.assignees = [{ kind: "ROLE", roleId: foreignRole.id }];
    definition.levels[0]!.taskVersionIds = [demo.version.id]; // not a form version at all
    const error = await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition }).catch((caught) => caught);
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["definition.levels.0.taskVersionIds.0", "definition.levels.2.assignees.0"]);
    // Reusing the published demo flow's level id would overwrite nothing either.
    const stolen = design();
    stolen.levels[0]!.id = demo.levels.submission.id;
    stolen.branches = [];
    const idError = await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: stolen }).catch((caught) => caught);
    expect(idError.fieldErrors).toEqual({ "definition.levels.0.id": ["This level id is already in use; add the level again"] });
    expect((await db.flowVersion.findFirstOrThrow({ where: { flowId: flow.id } })).revision).toBe(1);
    // And a foreign company cannot see or save the flow at all.
    const stranger = contextFor(other, (await createUser(db, other, { systemRole: "ADMIN" })).id);
    await expect(saveFlowDraft(stranger, { flowId: flow.id, revision: 1, definition: design() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishFlow(stranger, { flowId: flow.id, changeNote: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses to publish with every problem located, and keeps the draft a draft", async () => {
    const { ctx, flow } = await newFlow();
    const definition = design();
    definition.levels[2]!.assignees = [];
    definition.branches[0]!.condition = 'amount >= "x"';
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition });
    const error = await publishFlow(ctx, { flowId: flow.id, changeNote: "First" }).catch((caught) => caught);
    expect(error.code).toBe("VALIDATION");
    expect(error.details.problems.map((problem: { code: string; path: string }) => [problem.code, problem.path])).toEqual([
      ["NO_ASSIGNEE", "levels[2].assignees"],
      ["CONDITION_INVALID", "branches[0].condition"],
    ]);
    expect(Object.keys(error.fieldErrors)).toEqual(["levels[2].assignees", "branches[0].condition"]);
    expect((await db.flowVersion.findFirstOrThrow({ where: { flowId: flow.id } })).state).toBe("DRAFT");
    const empty = await newFlow();
    await expect(publishFlow(empty.ctx, { flowId: empty.flow.id, changeNote: null })).rejects.toMatchObject({ details: { problems: [{ code: "NO_START_LEVEL", path: "" }] } });
  });

  it("publishes once and freezes the version: its rows cannot change, saves are refused", async () => {
    const { ctx, flow } = await newFlow();
    const saved = await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: design() });
    const published = await publishFlow(ctx, { flowId: flow.id, changeNote: "First version" });
    expect(published.number).toBe(1);
    const version = await db.flowVersion.findUniqueOrThrow({ where: { id: saved.versionId } });
    expect(version).toMatchObject({ state: "PUBLISHED", changeNote: "First version", publishedById: demo.people.admin.id });
    expect((await db.flow.findUniqueOrThrow({ where: { id: flow.id } })).status).toBe("PUBLISHED");
    await expect(db.flowVersion.update({ where: { id: version.id }, data: { changeNote: "tampered" } })).rejects.toThrow(/immutable/);
    await expect(db.flowLevel.updateMany({ where: { flowVersionId: version.id }, data: { name: "tampered" } })).rejects.toThrow(/immutable/);
    await expect(db.flowBranch.deleteMany({ where: { flowVersionId: version.id } })).rejects.toThrow(/immutable/);
    await expect(saveFlowDraft(ctx, { flowId: flow.id, revision: 2, definition: design() })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(publishFlow(ctx, { flowId: flow.id, changeNote: null })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditLog.count({ where: { entityId: flow.id, action: "flow.published" } })).toBe(1);
  });

  it("a publish racing a save checks what the save wrote: it never freezes rows it did not check", async () => {
    const { ctx, flow } = await newFlow();
    const saved = await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: design() });
    const broken = design();
    broken.levels[2]!.assignees = [];
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    // A save caught between its compare-and-set and writing its rows (what saveFlowDraft does).
    const save = db.$transaction(
      async (tx) => {
        await tx.flowVersion.updateMany({ where: { id: saved.versionId, revision: 2 }, data: { revision: { increment: 1 } } });
        locked();
        await gate;
        await clearFlowVersionParts(tx, { companyId: ctx.companyId, flowVersionId: saved.versionId });
        await writeFlowVersionParts(tx, { companyId: ctx.companyId, flowVersionId: saved.versionId, definition: broken });
      },
      { timeout: 20_000 },
    );
    await hasLock;
    const publishing = publishFlow(ctx, { flowId: flow.id, changeNote: null }).then(
      () => "published",
      (error: { code?: string }) => error.code,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await save;
    expect(await publishing).toBe("VALIDATION");
    expect((await db.flowVersion.findUniqueOrThrow({ where: { id: saved.versionId } })).state).toBe("DRAFT");
  });

  it("starts a published flow and routes it as designed: 1,500 goes to finance, 500 completes after the manager", async () => {
    const { ctx, flow } = await newFlow();
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: design() });
    await publishFlow(ctx, { flowId: flow.id, changeNote: null });
    const employee = await actingAs(db, demo.people.employee.id);
    const receipt = () => uploadFile(db, demo.company.id, demo.people.employee.id);
    const big = await startInstance(employee, { flowId: flow.id, data: expense(1500, await receipt()) });
    expect(big).toMatchObject({ status: "IN_PROGRESS", currentLevelName: "Manager approval" });
    const manager = await actingAs(db, demo.people.manager.id);
    expect(await actOnInstance(manager, { instanceId: big.instanceId, action: "approve" })).toMatchObject({ currentLevelName: "Finance approval" });
    const small = await startInstance(employee, { flowId: flow.id, data: expense(500, await receipt()) });
    expect(await actOnInstance(manager, { instanceId: small.instanceId, action: "approve" })).toMatchObject({ status: "COMPLETED" });
  });

  it("edits a published flow as draft n+1 with new ids; running instances stay on their version", async () => {
    const { ctx, flow } = await newFlow();
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: design() });
    const v1 = await publishFlow(ctx, { flowId: flow.id, changeNote: null });
    const employee = await actingAs(db, demo.people.employee.id);
    const running = await startInstance(employee, { flowId: flow.id, data: expense(2000, await uploadFile(db, demo.company.id, demo.people.employee.id)) });

    const draft = await createFlowDraftFromPublished(ctx, { flowId: flow.id });
    expect(draft).toMatchObject({ number: 2, created: true });
    expect((await createFlowDraftFromPublished(ctx, { flowId: flow.id })).created).toBe(false);
    const [oldLevels, newLevels] = await Promise.all([v1.versionId, draft.id].map((id) => db.flowLevel.findMany({ where: { flowVersionId: id }, orderBy: { order: "asc" } })));
    expect(newLevels!.map((level) => level.name)).toEqual(oldLevels!.map((level) => level.name));
    expect(newLevels!.some((level) => oldLevels!.some((old) => old.id === level.id))).toBe(false);

    await publishFlow(ctx, { flowId: flow.id, changeNote: "Second" });
    const instance = await db.flowInstance.findUniqueOrThrow({ where: { id: running.instanceId } });
    expect(instance.flowVersionId).toBe(v1.versionId);
    const manager = await actingAs(db, demo.people.manager.id);
    expect(await actOnInstance(manager, { instanceId: running.instanceId, action: "approve" })).toMatchObject({ currentLevelName: "Finance approval" });
  });

  it("archives and unarchives: an archived flow cannot be published or started", async () => {
    const { ctx, flow } = await newFlow();
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition: design() });
    expect(await setFlowArchived(ctx, { flowId: flow.id, archived: true })).toMatchObject({ status: "ARCHIVED" });
    await expect(publishFlow(ctx, { flowId: flow.id, changeNote: null })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await setFlowArchived(ctx, { flowId: flow.id, archived: false })).toMatchObject({ status: "DRAFT" });
    await publishFlow(ctx, { flowId: flow.id, changeNote: null });
    await setFlowArchived(ctx, { flowId: flow.id, archived: true });
    const employee = await actingAs(db, demo.people.employee.id);
    await expect(startInstance(employee, { flowId: flow.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { entityId: flow.id, action: { in: ["flow.archived", "flow.unarchived"] } } })).toBe(3);
  });
});
