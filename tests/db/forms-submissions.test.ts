// Standalone submissions through the service on real PostgreSQL: valid input is stored with its
// version and announced in the outbox in the same transaction; invalid and hostile input is a clear
// 4xx AppError and nothing at all is stored.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { safeFileName } from "@/lib/files/sniff";
import { EXPENSE_FORM } from "@/lib/forms/fixtures";
import { getSubmission, listSubmissions } from "@/lib/forms/queries";
import { createForm, publishForm, submitForm } from "@/lib/forms/service";
import { contextFor, createCompany, createUser, type TestCompany } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function fileOf(company: TestCompany, uploadedById: string, mimetype = "image/png") {
  return db.file.create({
    data: { companyId: company.id, storageKey: `${company.id}/${randomUUID()}`, originalName: "receipt.png", mimetype, size: 1234, sha256: "0".repeat(64), uploadedById, context: "form_upload" },
  });
}

async function setup() {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const employee = await createUser(db, company);
  const form = await createForm(contextFor(company, admin.id), { name: "Expenses", description: null, standalone: true, definition: EXPENSE_FORM });
  await publishForm(contextFor(company, admin.id), { taskId: form.id, changeNote: null });
  return { company, admin, employee, ctx: contextFor(company, employee.id), form };
}

async function counts(companyId: string) {
  const [executions, outbox] = await Promise.all([db.taskExecution.count({ where: { companyId } }), db.outboxEvent.count({ where: { companyId } })]);
  return { executions, outbox };
}

describe("standalone submissions", () => {
  it("stores a valid submission with its version, the cleaned data, an audit entry and a TASK_COMPLETED event", async () => {
    const { company, employee, ctx, form } = await setup();
    const receipt = await fileOf(company, employee.id);
    const submitted = await submitForm(ctx, { taskId: form.id, data: { employee_name: "  Emma  ", amount: "150.5", category: "travel", receipt: [receipt.id] } });
    const row = await db.taskExecution.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(row.data).toEqual({ employee_name: "Emma", amount: 150.5, category: "travel", receipt: [receipt.id] });
    expect(row.taskVersionId).toBe(submitted.taskVersionId);
    const event = await db.outboxEvent.findFirstOrThrow({ where: { companyId: company.id, entityId: submitted.id } });
    expect(event).toMatchObject({ type: "TASK_COMPLETED", entity: "TaskExecution" });
    expect((event.payload as { data: unknown }).data).toEqual(row.data);
    expect(await db.auditLog.count({ where: { companyId: company.id, action: "task.submitted" } })).toBe(1);
    expect((await db.file.findUniqueOrThrow({ where: { id: receipt.id } })).contextId).toBe(submitted.id);
    const shown = await getSubmission(company.id, form.id, submitted.id);
    expect(shown.version).toBe(1);
    expect((await listSubmissions({ companyId: company.id, taskId: form.id, filters: {} }, 1)).total).toBe(1);
  });

  const hostile: [string, Record<string, unknown> | unknown, RegExp][] = [
    ["a negative amount and a missing receipt", { employee_name: "Emma", amount: -5, category: "travel" }, /amount/],
    ["a receipt missing when amount > 100", { employee_name: "Emma", amount: 150, category: "travel" }, /receipt/],
    ["an oversized string", { employee_name: "x".repeat(5_000_000), amount: 5, category: "travel" }, /employee_name/],
    ["wrong types", { employee_name: ["Emma"], amount: { $gt: 0 }, category: 7 }, /employee_name|amount|category/],
    ["extra keys", { employee_name: "Emma", amount: 5, category: "travel", is_admin: true }, /^$/],
    ["a __proto__ key", JSON.parse('{"employee_name":"Emma","amount":5,"category":"travel","__proto__":{"polluted":true}}'), /^$/],
    ["a constructor key", { employee_name: "Emma", amount: 5, category: "travel", constructor: { prototype: { polluted: true } } }, /^$/],
    ["an option not offered", { employee_name: "Emma", amount: 5, category: "../../etc/passwd" }, /category/],
    ["not an object at all", "DROP TABLE task_executions", /^$/],
  ];
  for (const [name, data, key] of hostile) {
    it(`refuses ${name} with a 422 and stores nothing`, async () => {
      const { company, ctx, form } = await setup();
      const error = await submitForm(ctx, { taskId: form.id, data }).catch((caught) => caught);
      expect(error).toMatchObject({ code: "VALIDATION", status: 422 });
      expect(Object.keys(error.fieldErrors).some((field) => key.test(field))).toBe(true);
      expect(await counts(company.id)).toEqual({ executions: 0, outbox: 0 });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it("refuses a file of another company, or of another person, as not found", async () => {
    const { company, admin, ctx, form } = await setup();
    const other = await createCompany(db);
    const otherUser = await createUser(db, other);
    for (const file of [await fileOf(other, otherUser.id), await fileOf(company, admin.id)]) {
      const error = await submitForm(ctx, { taskId: form.id, data: { employee_name: "Emma", amount: 500, category: "travel", receipt: [file.id] } }).catch((caught) => caught);
      expect(error.fieldErrors.receipt[0]).toMatch(/not found/);
    }
    expect(await counts(company.id)).toEqual({ executions: 0, outbox: 0 });
  });

  it("refuses a file of a type the field does not accept", async () => {
    const { company, employee, ctx, form } = await setup();
    const text = await fileOf(company, employee.id, "text/plain");
    const error = await submitForm(ctx, { taskId: form.id, data: { employee_name: "Emma", amount: 500, category: "travel", receipt: [text.id] } }).catch((caught) => caught);
    expect(error.fieldErrors.receipt[0]).toMatch(/accepts only/);
    expect(await counts(company.id)).toEqual({ executions: 0, outbox: 0 });
  });

  it("keeps path traversal out of stored upload names", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("..\\..\\windows\\system32\\evil.png")).toBe("evil.png");
    expect(safeFileName("....")).toBe("file");
  });

  it("refuses drafts, archived forms and other companies' forms", async () => {
    const { company, admin, ctx, form } = await setup();
    const draft = await createForm(contextFor(company, admin.id), { name: "Draft", description: null, standalone: true, definition: EXPENSE_FORM });
    await expect(submitForm(ctx, { taskId: draft.id, data: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await createCompany(db);
    const stranger = await createUser(db, other);
    await expect(submitForm(contextFor(other, stranger.id), { taskId: form.id, data: { employee_name: "Eve", amount: 1, category: "travel" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSubmission(other.id, form.id, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts(company.id)).toEqual({ executions: 0, outbox: 0 });
  });
});
