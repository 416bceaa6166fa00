// Forms on real PostgreSQL: draft saves are compare-and-set, publishing freezes a version for good,
// editing a published form makes draft n+1, and every foreign id is "not found".
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { EXPENSE_FORM, SEED_EXPENSE_FORM } from "@/lib/forms/fixtures";
import { getDraft, getForm, listForms, publishedKeys } from "@/lib/forms/queries";
import { createDraftFromPublished, createForm, publishForm, saveFormDraft, setFormArchived, testSubmission } from "@/lib/forms/service";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function setup() {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, admin.id);
  const form = await createForm(ctx, { name: "Expenses", description: null, standalone: true, definition: SEED_EXPENSE_FORM });
  return { company, admin, ctx, form };
}

describe("forms lifecycle", () => {
  it("saves drafts with compare-and-set: a stale revision is a conflict and changes nothing", async () => {
    const { ctx, form, admin } = await setup();
    const first = await saveFormDraft(ctx, { taskId: form.id, revision: 1, definition: { ...SEED_EXPENSE_FORM, fields: SEED_EXPENSE_FORM.fields.slice(0, 2) } });
    expect(first.revision).toBe(2);
    await expect(saveFormDraft(ctx, { taskId: form.id, revision: 1, definition: SEED_EXPENSE_FORM })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^.+ saved this form at \d\d:\d\d UTC; reload to see their changes\.$/),
      details: { revision: 2, savedBy: `${admin.firstName} ${admin.lastName}`.trim() || admin.email },
    });
    const stored = await db.taskVersion.findFirstOrThrow({ where: { taskId: form.id, state: "DRAFT" } });
    expect((stored.definition as { fields: unknown[] }).fields).toHaveLength(2);
    expect(stored.revision).toBe(2);
  });

  it("returns definition errors keyed by their path and stores nothing", async () => {
    const { ctx, form } = await setup();
    const broken = { ...SEED_EXPENSE_FORM, fields: [...SEED_EXPENSE_FORM.fields, { key: "amount", type: "text", label: "Again" }] };
    const error = await saveFormDraft(ctx, { taskId: form.id, revision: 1, definition: broken }).catch((caught) => caught);
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors).some((key) => key.startsWith("fields."))).toBe(true);
    expect((await db.taskVersion.findFirstOrThrow({ where: { taskId: form.id } })).revision).toBe(1);
  });

  it("publishes once: the version is frozen, a second publish is refused, the row cannot be updated", async () => {
    const { ctx, form, admin } = await setup();
    const published = await publishForm(ctx, { taskId: form.id, changeNote: "First" });
    const version = await db.taskVersion.findUniqueOrThrow({ where: { id: published.versionId } });
    expect(version).toMatchObject({ state: "PUBLISHED", changeNote: "First", publishedById: admin.id });
    expect((await db.task.findUniqueOrThrow({ where: { id: form.id } })).status).toBe("PUBLISHED");
    await expect(publishForm(ctx, { taskId: form.id, changeNote: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(db.taskVersion.update({ where: { id: version.id }, data: { changeNote: "tampered" } })).rejects.toThrow(/immutable/);
    await expect(saveFormDraft(ctx, { taskId: form.id, revision: 1, definition: SEED_EXPENSE_FORM })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses to publish a form the publish schema rejects (an empty form)", async () => {
    const { ctx } = await setup();
    const empty = await createForm(ctx, { name: "Empty", description: null, standalone: false });
    await expect(publishForm(ctx, { taskId: empty.id, changeNote: null })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await db.taskVersion.findFirstOrThrow({ where: { taskId: empty.id } })).state).toBe("DRAFT");
  });

  it("editing a published form creates draft n+1 with the published definition, once", async () => {
    const { ctx, form } = await setup();
    await publishForm(ctx, { taskId: form.id, changeNote: null });
    const draft = await createDraftFromPublished(ctx, { taskId: form.id });
    expect(draft).toMatchObject({ number: 2, created: true });
    expect((await createDraftFromPublished(ctx, { taskId: form.id })).created).toBe(false);
    const loaded = await getForm(ctx.companyId, form.id);
    expect(loaded.versions.map((version) => [version.number, version.state])).toEqual([
      [2, "DRAFT"],
      [1, "PUBLISHED"],
    ]);
    expect(loaded.draft!.definition).toEqual(loaded.published!.definition);
    await saveFormDraft(ctx, { taskId: form.id, revision: draft.revision, definition: { ...SEED_EXPENSE_FORM, fields: SEED_EXPENSE_FORM.fields.slice(1) } });
    await publishForm(ctx, { taskId: form.id, changeNote: "Drop the name" });
    const rows = await listForms(ctx.companyId);
    expect(rows.find((row) => row.id === form.id)).toMatchObject({ publishedVersion: 2, newestVersion: 2, hasDraft: false });
  });

  it("archives and unarchives, audited", async () => {
    const { ctx, form, company } = await setup();
    await publishForm(ctx, { taskId: form.id, changeNote: null });
    expect((await setFormArchived(ctx, { taskId: form.id, archived: true })).status).toBe("ARCHIVED");
    expect((await setFormArchived(ctx, { taskId: form.id, archived: false })).status).toBe("PUBLISHED");
    const actions = (await db.auditLog.findMany({ where: { companyId: company.id, entityId: form.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["task.created", "task.published", "task.archived", "task.unarchived"]);
  });

  it("test-submits against the unsaved draft definition: the server's verdict, nothing stored", async () => {
    const { ctx, form, company } = await setup();
    const before = await db.auditLog.count({ where: { companyId: company.id } });
    const refused = await testSubmission(ctx, { taskId: form.id, definition: EXPENSE_FORM, data: { employee_name: "Emma", amount: 150, category: "travel" } });
    expect(refused).toEqual({ accepted: false, fieldErrors: { receipt: [expect.stringMatching(/required/)] } });
    const accepted = await testSubmission(ctx, { taskId: form.id, definition: EXPENSE_FORM, data: { employee_name: "Emma", amount: 50, category: "travel" } });
    expect(accepted).toMatchObject({ accepted: true, data: { amount: 50 } });
    await expect(testSubmission(ctx, { taskId: form.id, definition: { schemaVersion: 1, fields: [{ key: "a", type: "text", label: "A", conditions: { show: { source: "missing > 1" } } }] }, data: {} })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "fields.0.conditions.show": [expect.stringMatching(/Unknown field "missing"/)] },
    });
    expect(await db.taskExecution.count({ where: { taskId: form.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { companyId: company.id } })).toBe(before);
    const other = await createCompany(db);
    const otherCtx = contextFor(other, (await createUser(db, other, { systemRole: "ADMIN" })).id);
    await expect(testSubmission(otherCtx, { taskId: form.id, definition: EXPENSE_FORM, data: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives the builder its draft and the keys frozen by publishing", async () => {
    const { ctx, form } = await setup();
    expect(await publishedKeys(ctx.companyId, form.id)).toEqual([]);
    await publishForm(ctx, { taskId: form.id, changeNote: null });
    await createDraftFromPublished(ctx, { taskId: form.id });
    expect((await publishedKeys(ctx.companyId, form.id)).sort()).toEqual(["amount", "category", "employee_name", "receipt"]);
    const draft = await getDraft(ctx.companyId, form.id);
    expect(draft).toMatchObject({ number: 2, revision: 1 });
    expect(draft.definition.fields.map((field) => field.key)).toEqual(["employee_name", "amount", "category", "receipt"]);
    await expect(getDraft(ctx.companyId, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never touches another company's forms: foreign ids are not found", async () => {
    const { form } = await setup();
    const other = await createCompany(db);
    const otherAdmin = await createUser(db, other, { systemRole: "ADMIN" });
    const otherCtx = contextFor(other, otherAdmin.id);
    await expect(saveFormDraft(otherCtx, { taskId: form.id, revision: 1, definition: SEED_EXPENSE_FORM })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishForm(otherCtx, { taskId: form.id, changeNote: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createDraftFromPublished(otherCtx, { taskId: form.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setFormArchived(otherCtx, { taskId: form.id, archived: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getForm(other.id, form.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listForms(other.id)).toEqual([]);
  });
});
