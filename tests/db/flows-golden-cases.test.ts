// Golden cases on real PostgreSQL: CRUD scoped by company (a foreign flow or case is NOT_FOUND), the
// publish gate (refused with each changed case while a route differs, published with the acceptance
// recorded when acknowledged, nothing updated behind the designer's back), and the REST routes'
// problem JSON through the real guard (API keys).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ sessionId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (request.sessionId ? { sessionId: request.sessionId } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "http://localhost:3000", host: "localhost:3000", "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import * as caseRoute from "@/app/api/v1/flows/[id]/golden-cases/[caseId]/route";
import * as casesRoute from "@/app/api/v1/flows/[id]/golden-cases/route";
import * as publishRoute from "@/app/api/v1/flows/[id]/publish/route";
import { db } from "@/lib/db";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { createGoldenCaseAction, deleteGoldenCaseAction } from "@/lib/flows/golden-case-actions";
import { createGoldenCase, deleteGoldenCase, listGoldenCases, updateGoldenCase } from "@/lib/flows/golden-cases";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { createFlow, publishFlow, saveFlowDraft } from "@/lib/flows/service";
import { simulationContextFor } from "@/lib/flows/simulate/context";
import { routeOf } from "@/lib/flows/simulate/route";
import { simulate } from "@/lib/flows/simulate/run";
import { formFieldEnvs } from "@/lib/flows/form-envs";
import { apiKey, call } from "../support/api";
import { contextFor, createCompany, createUser } from "../support/fixtures";
import { actingAs, loadDemo, type Demo } from "../support/flow-fixtures";
import { purchaseRequest } from "../support/flow-design";
import { openSession } from "../support/outcomes";

let demo: Demo;
let expenseFormVersionId: string;
const tokens = {} as Record<"designer" | "viewer" | "foreign", string>;


beforeAll(async () => {
  demo = await loadDemo(db);
  expenseFormVersionId = (await db.taskVersion.findFirstOrThrow({ where: { companyId: demo.company.id, state: "PUBLISHED", task: { name: "Expense Approval Form" } } })).id;
  tokens.designer = await apiKey(demo.company.id, demo.people.admin.id, ["flows.view", "flows.update", "flows.publish"]);
  tokens.viewer = await apiKey(demo.company.id, demo.people.admin.id, ["flows.view"]);
  const other = await createCompany(db);
  tokens.foreign = await apiKey(other.id, (await createUser(db, other, { systemRole: "ADMIN" })).id, ["flows.view", "flows.update", "flows.publish"]);
});
afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

const expense = (amount: number) => ({ employee_name: "Emma Employee", amount, category: "travel" });

/** A draft of the purchase flow, saved, and the route `amount` takes through it now. */
async function draftWithCase(condition = "amount >= 1000") {
  const ctx = await actingAs(db, demo.people.admin.id);
  const flow = await createFlow(ctx, { name: `Golden ${Math.random().toString(36).slice(2, 8)}`, description: null });
  const definition = purchaseRequest({ expenseFormVersionId, financeRoleId: demo.roles.finance.id, condition });
  await saveFlowDraft(ctx, { flowId: flow.id, revision: 1, definition });
  return { ctx, flow, definition };
}

async function expectedRoute(definition: TFlowDefinition, amount: number) {
  const forms = await formFieldEnvs(db, demo.company.id, [expenseFormVersionId]);
  return routeOf(simulate(definition, { data: expense(amount) }, simulationContextFor(definition, forms)));
}

describe("golden cases", () => {
  it("are created, listed, renamed and deleted within the company only", async () => {
    const { ctx, flow, definition } = await draftWithCase();
    const expected = await expectedRoute(definition, 12_000);
    expect(expected.steps.map((step) => step.levelName)).toEqual(["Request", "Manager approval", "Finance approval"]);
    const created = await createGoldenCase(ctx, { flowId: flow.id, name: "Big expense", data: expense(12_000), expected });
    expect((await listGoldenCases(demo.company.id, flow.id)).map((item) => item.name)).toEqual(["Big expense"]);
    await expect(createGoldenCase(ctx, { flowId: flow.id, name: "Big expense", data: expense(1), expected })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { name: ['A golden case named "Big expense" already exists.'] } });
    expect(await updateGoldenCase(ctx, { flowId: flow.id, caseId: created.id, name: "Twelve thousand" })).toMatchObject({ name: "Twelve thousand", expected });

    const other = await createCompany(db);
    const stranger = contextFor(other, (await createUser(db, other, { systemRole: "ADMIN" })).id);
    await expect(listGoldenCases(other.id, flow.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createGoldenCase(stranger, { flowId: flow.id, name: "Sneaky", data: {}, expected })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateGoldenCase(stranger, { flowId: flow.id, caseId: created.id, name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteGoldenCase(stranger, { flowId: flow.id, caseId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.flowGoldenCase.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ name: "Twelve thousand" });

    await deleteGoldenCase(ctx, { flowId: flow.id, caseId: created.id });
    expect(await listGoldenCases(demo.company.id, flow.id)).toEqual([]);
    expect(await db.auditLog.count({ where: { entityId: flow.id, action: { startsWith: "flow.golden_case_" } } })).toBe(3);
  });

  it("block publishing when a route changed, and publish with the acceptance recorded when acknowledged", async () => {
    const { ctx, flow, definition } = await draftWithCase();
    await createGoldenCase(ctx, { flowId: flow.id, name: "1,500 goes to finance", data: expense(1_500), expected: await expectedRoute(definition, 1_500) });
    await createGoldenCase(ctx, { flowId: flow.id, name: "500 stops at the manager", data: expense(500), expected: await expectedRoute(definition, 500) });
    // The threshold rises to 5,000: 1,500 no longer reaches finance.
    const raised = { ...definition, branches: definition.branches.map((branch, index) => (index === 0 ? { ...branch, condition: "amount >= 5000" } : branch)) };
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 2, definition: raised });

    const error = await publishFlow(ctx, { flowId: flow.id, changeNote: "Finance from 5,000" }).catch((caught) => caught);
    expect(error).toMatchObject({ code: "VALIDATION", message: "1 golden case takes another route with this draft; accept the route changes to publish anyway." });
    expect(error.fieldErrors).toEqual({
      acknowledgeGoldenChanges: ['"1,500 goes to finance": expected Request (approved) → Manager approval (approved) → Finance approval (approved) → Completed; now Request (approved) → Manager approval (approved) → Completed'],
    });
    expect(error.details.goldenCases).toHaveLength(1);
    expect((await db.flowVersion.findFirstOrThrow({ where: { flowId: flow.id } })).state).toBe("DRAFT");

    const published = await publishFlow(ctx, { flowId: flow.id, changeNote: "Finance from 5,000", acknowledgeGoldenChanges: true });
    const version = await db.flowVersion.findUniqueOrThrow({ where: { id: published.versionId } });
    expect(version).toMatchObject({ state: "PUBLISHED", changeNote: 'Finance from 5,000\nAccepted route changes of golden case "1,500 goes to finance".' });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: flow.id, action: "flow.published" } });
    expect(audit.metadata).toMatchObject({ acceptedGoldenChanges: [{ name: "1,500 goes to finance", actual: "Request (approved) → Manager approval (approved) → Completed" }] });
    // Acknowledging changes no case: its expected route stays what the designer saved.
    const stored = await listGoldenCases(demo.company.id, flow.id);
    expect(stored.find((item) => item.name === "1,500 goes to finance")?.expected.steps).toHaveLength(3);
  });

  it("let a draft whose routes are unchanged publish without acknowledgement", async () => {
    const { ctx, flow, definition } = await draftWithCase();
    await createGoldenCase(ctx, { flowId: flow.id, name: "Big", data: expense(12_000), expected: await expectedRoute(definition, 12_000) });
    const published = await publishFlow(ctx, { flowId: flow.id, changeNote: null });
    expect((await db.flowVersion.findUniqueOrThrow({ where: { id: published.versionId } })).changeNote).toBeNull();
  });
});


describe("golden cases API", () => {
  it("creates (201), lists, updates, deletes (204); bad input and taken names are problem JSON", async () => {
    const { flow, definition } = await draftWithCase();
    const path = `/api/v1/flows/${flow.id}/golden-cases`;
    const expected = await expectedRoute(definition, 500);
    const created = await call(casesRoute.POST, { id: flow.id }, { token: tokens.designer, method: "POST", path, body: { name: "Small", data: expense(500), expected } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Small", expected: { status: "COMPLETED" } });
    const taken = await call(casesRoute.POST, { id: flow.id }, { token: tokens.designer, method: "POST", path, body: { name: "Small", data: {}, expected } });
    expect(taken).toMatchObject({ status: 422, type: "application/problem+json", json: { errors: { name: ['A golden case named "Small" already exists.'] } } });
    const bad = await call(casesRoute.POST, { id: flow.id }, { token: tokens.designer, method: "POST", path, body: { name: "", data: [], expected: { steps: [{ levelId: "x", levelName: "X", outcome: "dance" }], status: "DONE" } } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors).sort()).toEqual(["data", "expected.status", "expected.steps.0.outcome", "name"]);

    const listed = await call(casesRoute.GET, { id: flow.id }, { token: tokens.designer, method: "GET", path });
    expect(listed.json.data.map((item: { name: string }) => item.name)).toEqual(["Small"]);
    const caseId = created.json.id as string;
    const renamed = await call(caseRoute.PUT, { id: flow.id, caseId }, { token: tokens.designer, method: "PUT", path: `${path}/${caseId}`, body: { name: "Five hundred" } });
    expect(renamed).toMatchObject({ status: 200, json: { name: "Five hundred" } });
    expect((await call(caseRoute.DELETE, { id: flow.id, caseId }, { token: tokens.designer, method: "DELETE", path: `${path}/${caseId}` })).status).toBe(204);
    expect((await call(caseRoute.DELETE, { id: flow.id, caseId }, { token: tokens.designer, method: "DELETE", path: `${path}/${caseId}` })).json).toMatchObject({ status: 404, title: "Not found" });
  });

  it("refuses viewers (403) and other companies (404, like a missing flow)", async () => {
    const { flow } = await draftWithCase();
    const path = `/api/v1/flows/${flow.id}/golden-cases`;
    expect((await call(casesRoute.GET, { id: flow.id }, { token: tokens.viewer, method: "GET", path })).status).toBe(403);
    expect((await call(casesRoute.GET, { id: flow.id }, { token: tokens.foreign, method: "GET", path })).status).toBe(404);
    expect((await call(casesRoute.GET, { id: "nope" }, { token: tokens.designer, method: "GET", path })).status).toBe(404);
  });

  it("publish answers 422 problem JSON listing each changed case, then 200 with acknowledgeGoldenChanges", async () => {
    const { ctx, flow, definition } = await draftWithCase();
    await createGoldenCase(ctx, { flowId: flow.id, name: "1,500", data: expense(1_500), expected: await expectedRoute(definition, 1_500) });
    await saveFlowDraft(ctx, { flowId: flow.id, revision: 2, definition: { ...definition, branches: definition.branches.map((branch, index) => (index === 0 ? { ...branch, condition: "amount >= 5000" } : branch)) } });
    const path = `/api/v1/flows/${flow.id}/publish`;
    const refused = await call(publishRoute.POST, { id: flow.id }, { token: tokens.designer, method: "POST", path, body: { changeNote: "Raise" } });
    expect(refused).toMatchObject({ status: 422, type: "application/problem+json" });
    expect(refused.json.goldenCases).toEqual([
      expect.objectContaining({ name: "1,500", expectedText: expect.stringContaining("Finance approval"), actualText: "Request (approved) → Manager approval (approved) → Completed" }),
    ]);
    const accepted = await call(publishRoute.POST, { id: flow.id }, { token: tokens.designer, method: "POST", path, body: { changeNote: "Raise", acknowledgeGoldenChanges: true } });
    expect(accepted).toMatchObject({ status: 200, json: { number: 1 } });
  });
});

describe("golden case server actions", () => {
  it("save and delete as a signed-in designer; an employee is refused and nothing is written", async () => {
    const { flow, definition } = await draftWithCase();
    const expected = await expectedRoute(definition, 500);
    request.sessionId = (await openSession(db, demo.company, demo.people.admin)).id;
    const saved = await createGoldenCaseAction({ flowId: flow.id, name: "Small", data: expense(500), expected });
    if (!saved.ok) throw new Error(saved.error);
    expect(await createGoldenCaseAction({ flowId: flow.id, name: " ", data: {}, expected })).toMatchObject({ ok: false, fieldErrors: { name: ["Give the case a name"] } });

    request.sessionId = (await openSession(db, demo.company, demo.people.employee)).id;
    expect(await createGoldenCaseAction({ flowId: flow.id, name: "Employee's", data: {}, expected })).toMatchObject({ ok: false });
    expect(await deleteGoldenCaseAction({ flowId: flow.id, caseId: saved.data.id })).toMatchObject({ ok: false });
    expect((await listGoldenCases(demo.company.id, flow.id)).map((item) => item.name)).toEqual(["Small"]);

    request.sessionId = (await openSession(db, demo.company, demo.people.admin)).id;
    expect(await deleteGoldenCaseAction({ flowId: flow.id, caseId: saved.data.id })).toEqual({ ok: true, data: { id: saved.data.id } });
    request.sessionId = null;
  });
});
