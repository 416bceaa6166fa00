// The flow-design REST routes and server actions through the real guard (API keys for the routes, a
// server-side session for the actions) on real PostgreSQL: create (201), save the draft (409 naming
// who saved when, 422 by path), publish (422 problem JSON with the located problems, then 200),
// permissions, and tenancy.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ sessionId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (request.sessionId ? { sessionId: request.sessionId } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "http://localhost:3000", host: "localhost:3000", "user-agent": "vitest", "x-forwarded-for": "192.0.2.9" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import * as draftRoute from "@/app/api/v1/flows/[id]/draft/route";
import * as publishRoute from "@/app/api/v1/flows/[id]/publish/route";
import * as flowRoute from "@/app/api/v1/flows/[id]/route";
import * as flowsRoute from "@/app/api/v1/flows/route";
import * as taskRoute from "@/app/api/v1/tasks/[id]/route";
import { db } from "@/lib/db";
import { createFlowAction, publishFlowAction, saveFlowDraftAction } from "@/lib/flows/design-actions";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { apiKey, call } from "../support/api";
import { createCompany, createUser } from "../support/fixtures";
import { loadDemo, type Demo } from "../support/flow-fixtures";
import { purchaseRequest } from "../support/flow-design";
import { openSession } from "../support/outcomes";

let demo: Demo;
let expenseFormVersionId: string;
const tokens = {} as Record<"designer" | "viewer" | "foreign", string>;


beforeAll(async () => {
  demo = await loadDemo(db);
  expenseFormVersionId = (await db.taskVersion.findFirstOrThrow({ where: { companyId: demo.company.id, state: "PUBLISHED", task: { name: "Expense Approval Form" } } })).id;
  tokens.designer = await apiKey(demo.company.id, demo.people.admin.id, ["flows.view", "flows.create", "flows.update", "flows.publish"]);
  tokens.viewer = await apiKey(demo.company.id, demo.people.admin.id, ["flows.view"]);
  const other = await createCompany(db);
  tokens.foreign = await apiKey(other.id, (await createUser(db, other, { systemRole: "ADMIN" })).id, ["flows.view", "flows.create", "flows.update", "flows.publish"]);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});


const create = (token: string, body: unknown) => call(flowsRoute.POST, {}, { token, method: "POST", path: "/api/v1/flows", body });
const save = (token: string, id: string, body: unknown) => call(draftRoute.PUT, { id }, { token, method: "PUT", path: `/api/v1/flows/${id}/draft`, body });
const publish = (token: string, id: string, body: unknown) => call(publishRoute.POST, { id }, { token, method: "POST", path: `/api/v1/flows/${id}/publish`, body });
const design = () => purchaseRequest({ expenseFormVersionId, financeRoleId: demo.roles.finance.id });

describe("renaming flows and forms", () => {
  it("renames over PATCH with an audit entry, refuses an empty name with a field error, and hides other companies' flows", async () => {
    const created = await create(tokens.designer, { name: "To be renamed" });
    const id = created.json.id as string;
    const rename = (token: string, body: unknown) => call(flowRoute.PATCH, { id }, { token, method: "PATCH", path: `/api/v1/flows/${id}`, body });

    const renamed = await rename(tokens.designer, { name: "  Travel booking ", description: "Trains and planes" });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id, name: "Travel booking", description: "Trains and planes" });
    expect(await db.flow.findUniqueOrThrow({ where: { id }, select: { name: true } })).toEqual({ name: "Travel booking" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "flow.renamed" } });
    expect(entry.changes).toMatchObject({ name: { from: "To be renamed", to: "Travel booking" } });

    const empty = await rename(tokens.designer, { name: "   " });
    expect(empty.status).toBe(422);
    expect(empty.type).toContain("application/problem+json");
    expect(empty.json.errors?.name ?? empty.json.fieldErrors?.name).toBeTruthy();
    expect((await rename(tokens.viewer, { name: "Viewer may not" })).status).toBe(403);
    expect((await rename(tokens.foreign, { name: "Not yours" })).status).toBe(404);
    expect(await db.flow.findUniqueOrThrow({ where: { id }, select: { name: true } })).toEqual({ name: "Travel booking" });
  });

  it("renames a form over PATCH with the form permission", async () => {
    const task = await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: "Expense Approval Form" } });
    const formToken = await apiKey(demo.company.id, demo.people.admin.id, ["tasks.view", "tasks.update"]);
    const patch = (token: string, name: string) => call(taskRoute.PATCH, { id: task.id }, { token, method: "PATCH", path: `/api/v1/tasks/${task.id}`, body: { name } });
    expect((await patch(tokens.designer, "Flow scopes are not form scopes")).status).toBe(403);
    const renamed = await patch(formToken, "Expense claim");
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "Expense claim", description: task.description });
    await patch(formToken, "Expense Approval Form");
  });
});

describe("flow design API", () => {
  it("creates (201), saves (200, then 409 on a stale revision) and publishes (422 with problems, then 200)", async () => {
    const created = await create(tokens.designer, { name: "API purchase", description: "Made over the API" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "API purchase", status: "DRAFT", draft: { number: 1, revision: 1 } });
    const id = created.json.id as string;

    const broken = design();
    broken.branches[0]!.condition = "amount >= ";
    const saved = await save(tokens.designer, id, { revision: 1, definition: broken });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(2);
    const stale = await save(tokens.designer, id, { revision: 1, definition: design() });
    expect(stale.status).toBe(409);
    expect(stale.json.detail).toMatch(/^Sarah Admin saved this flow at \d\d:\d\d UTC/);

    const refused = await publish(tokens.designer, id, { changeNote: "First" });
    expect(refused.status).toBe(422);
    expect(refused.type).toBe("application/problem+json");
    expect(refused.json.problems).toEqual([expect.objectContaining({ code: "CONDITION_INVALID", path: "branches[0].condition", branchId: broken.branches[0]!.id })]);

    expect((await save(tokens.designer, id, { revision: 2, definition: design() })).status).toBe(200);
    const published = await publish(tokens.designer, id, { changeNote: "First" });
    expect(published.status).toBe(200);
    expect(published.json.number).toBe(1);
  });

  it("answers bad input with 422 field errors at the definition's paths", async () => {
    const { json } = await create(tokens.designer, { name: "Paths" });
    const definition = design();
    definition.levels[1]!.name = " ";
    definition.branches[1]!.priority = 0; // same as the first branch of that level
    const refused = await save(tokens.designer, json.id, { revision: 1, definition });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.json.errors).sort()).toEqual(["definition.branches.1.priority", "definition.levels.1.name"]);
    expect((await create(tokens.designer, { name: "" })).json.errors).toEqual({ name: ["Give the flow a name"] });
  });

  it("checks the permission of each route and hides other companies' flows", async () => {
    expect((await create(tokens.viewer, { name: "No" })).status).toBe(403);
    const { json } = await create(tokens.designer, { name: "Mine" });
    expect((await save(tokens.viewer, json.id, { revision: 1, definition: design() })).status).toBe(403);
    expect((await publish(tokens.viewer, json.id, {})).status).toBe(403);
    expect((await save(tokens.foreign, json.id, { revision: 1, definition: design() })).status).toBe(404);
    expect((await publish(tokens.foreign, json.id, {})).status).toBe(404);
    expect((await publish(tokens.foreign, "not-a-uuid", {})).status).toBe(404);
  });
});

describe("flow design server actions", () => {
  it("create, save and publish as a signed-in admin; an employee is refused", async () => {
    request.sessionId = (await openSession(db, demo.company, demo.people.admin)).id;
    const created = await createFlowAction({ name: "Action purchase" });
    if (!created.ok) throw new Error(created.error);
    const saved = await saveFlowDraftAction({ flowId: created.data.id, revision: 1, definition: design() });
    expect(saved).toMatchObject({ ok: true, data: { status: "saved", revision: 2 } });
    expect(await saveFlowDraftAction({ flowId: created.data.id, revision: 1, definition: design() })).toMatchObject({ ok: true, data: { status: "conflict", message: expect.stringMatching(/^Sarah Admin saved this flow at/) } });
    const broken = design();
    broken.levels[2]!.assignees = [];
    await saveFlowDraftAction({ flowId: created.data.id, revision: 2, definition: broken });
    const refused = await publishFlowAction({ flowId: created.data.id, changeNote: "x" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { "levels[2].assignees": [expect.stringContaining("has no assignee")] } });
    await saveFlowDraftAction({ flowId: created.data.id, revision: 3, definition: design() });
    expect(await publishFlowAction({ flowId: created.data.id, changeNote: "x" })).toEqual({ ok: true, data: { number: 1, warnings: expect.any(Number) } });

    request.sessionId = (await openSession(db, demo.company, demo.people.employee)).id;
    expect(await createFlowAction({ name: "Nope" })).toMatchObject({ ok: false });
    expect(await db.flow.count({ where: { companyId: demo.company.id, name: "Nope" } })).toBe(0);
  });
});
