import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import type { z } from "zod";
import { parseFormDefinition, ZPublishableForm, type TFormDefinition } from "./definition";
import type { TFileInfo } from "./field-values";
import type { ZCreateForm, ZFormId, ZPublishForm, ZSaveFormDraft, ZSubmitForm, ZTestSubmission } from "./schema";
import { validateSubmission } from "./submission";
import { allowedOptionsFor, optionViewerOf } from "@/lib/datasets/options";
import { isUuid } from "@/lib/ids";

// Form (task) writes. Every function scopes by ctx.companyId, runs in one transaction and audits.
// Versions: at most one DRAFT per task (partial unique index), PUBLISHED rows immutable (trigger);
// the draft's `revision` is a compare-and-set token so two designers never overwrite each other.

export const EMPTY_DEFINITION: TFormDefinition = { schemaVersion: 1, fields: [], logic: [] };

function actorOf(ctx: ServiceContext): string {
  if (!ctx.actorId) throw new AppError("FORBIDDEN", "Forms are changed by people; this request has no user.");
  return ctx.actorId;
}

/** Definition problems as field errors keyed by their path inside the definition ("fields.2.key"). */
function parseDefinition(raw: unknown): TFormDefinition {
  const parsed = parseFormDefinition(raw);
  if (parsed.ok) return parsed.definition;
  throw new AppError("VALIDATION", "The form has problems; fix the highlighted fields.", { fieldErrors: issuesToFieldErrors(parsed.issues) });
}

function issuesToFieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}

async function loadTask(tx: Tx, companyId: string, id: string, lock = false) {
  // The row lock serialises version changes of one task (publish vs. new draft vs. save).
  if (lock) await tx.$executeRaw`SELECT id FROM tasks WHERE id = ${id}::uuid AND "companyId" = ${companyId}::uuid FOR UPDATE`;
  const task = await tx.task.findFirst({ where: { id, companyId }, select: { id: true, name: true, status: true, standalone: true, archivedAt: true } });
  if (!task) throw new AppError("NOT_FOUND", "Form not found.");
  return task;
}

const asJson = (definition: TFormDefinition) => definition as unknown as InputJsonValue;

/** Creates a form: a DRAFT task with draft version 1 (an empty definition unless one is given). */
export async function createForm(ctx: ServiceContext, input: z.output<typeof ZCreateForm>) {
  const definition = input.definition === undefined ? EMPTY_DEFINITION : parseDefinition(input.definition);
  const createdById = actorOf(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const task = await tx.task.create({
      data: { companyId: ctx.companyId, name: input.name, description: input.description, standalone: input.standalone, createdById },
      select: { id: true, name: true, description: true, standalone: true, status: true },
    });
    const version = await tx.taskVersion.create({
      data: { companyId: ctx.companyId, taskId: task.id, number: 1, definition: asJson(definition) },
      select: { id: true, number: true, revision: true },
    });
    await audit({ action: "task.created", entity: "Task", entityId: task.id, after: task });
    return { ...task, draft: version };
  });
}

function savedAtText(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

/** Who last wrote the draft, from the audit log (the version row does not record it). */
async function lastDraftWriter(tx: Tx, companyId: string, taskId: string): Promise<string | null> {
  const entry = await tx.auditLog.findFirst({
    where: { companyId, entity: "Task", entityId: taskId, action: { in: ["task.draft_saved", "task.draft_created", "task.created"] } },
    orderBy: { createdAt: "desc" },
    select: { actor: { select: { firstName: true, lastName: true, email: true } } },
  });
  const actor = entry?.actor;
  return actor ? `${actor.firstName} ${actor.lastName}`.trim() || actor.email : null;
}

/**
 * Saves the draft if it is still at `revision` (compare-and-set); otherwise a CONFLICT naming when
 * the other save happened. Returns the new revision.
 */
export async function saveFormDraft(ctx: ServiceContext, input: z.output<typeof ZSaveFormDraft>) {
  const definition = parseDefinition(input.definition);
  return inTransaction(ctx, async (tx, audit) => {
    await loadTask(tx, ctx.companyId, input.taskId);
    const draft = await tx.taskVersion.findFirst({ where: { taskId: input.taskId, companyId: ctx.companyId, state: "DRAFT" }, select: { id: true, number: true, revision: true, updatedAt: true } });
    if (!draft) throw new AppError("CONFLICT", "This form has no draft any more (it was published); reload to continue from the published version.");
    const saved = await tx.taskVersion.updateMany({
      where: { id: draft.id, companyId: ctx.companyId, state: "DRAFT", revision: input.revision },
      data: { definition: asJson(definition), revision: { increment: 1 } },
    });
    if (saved.count !== 1) {
      const savedBy = await lastDraftWriter(tx, ctx.companyId, input.taskId);
      throw new AppError("CONFLICT", `${savedBy ?? "Someone else"} saved this form at ${savedAtText(draft.updatedAt)}; reload to see their changes.`, {
        details: { savedAt: draft.updatedAt.toISOString(), revision: draft.revision, savedBy },
      });
    }
    await tx.task.updateMany({ where: { id: input.taskId, companyId: ctx.companyId }, data: { updatedAt: new Date() } });
    await audit({ action: "task.draft_saved", entity: "Task", entityId: input.taskId, metadata: { version: draft.number, revision: input.revision + 1 } });
    return { versionId: draft.id, number: draft.number, revision: input.revision + 1 };
  });
}

/** Publishes the draft: checks the stricter publish schema, then freezes the version for good. */
export async function publishForm(ctx: ServiceContext, input: z.output<typeof ZPublishForm>) {
  const publishedById = actorOf(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const task = await loadTask(tx, ctx.companyId, input.taskId, true);
    if (task.archivedAt) throw new AppError("CONFLICT", "This form is archived; unarchive it before publishing.");
    const draft = await tx.taskVersion.findFirst({ where: { taskId: task.id, companyId: ctx.companyId, state: "DRAFT" }, select: { id: true, number: true, definition: true } });
    if (!draft) throw new AppError("CONFLICT", "There is no draft to publish; this version is already published.");
    const parsed = ZPublishableForm.safeParse(draft.definition);
    if (!parsed.success) {
      throw new AppError("VALIDATION", "The form cannot be published yet; fix the highlighted fields.", { fieldErrors: issuesToFieldErrors(parsed.error.issues) });
    }
    const now = new Date();
    // The state guard makes a second publish of the same version a no-op we can detect.
    const flipped = await tx.taskVersion.updateMany({
      where: { id: draft.id, companyId: ctx.companyId, state: "DRAFT" },
      data: { state: "PUBLISHED", definition: asJson(parsed.data), publishedAt: now, publishedById, changeNote: input.changeNote },
    });
    if (flipped.count !== 1) throw new AppError("CONFLICT", "This version was published already.");
    await tx.task.update({ where: { id: task.id }, data: { status: "PUBLISHED", publishedAt: now } });
    await audit({ action: "task.published", entity: "Task", entityId: task.id, before: { status: task.status }, after: { status: "PUBLISHED" }, metadata: { version: draft.number, changeNote: input.changeNote } });
    return { versionId: draft.id, number: draft.number, publishedAt: now };
  });
}

/** Editing a published form: a new DRAFT n+1 copied from the newest published version (or the existing draft). */
export async function createDraftFromPublished(ctx: ServiceContext, input: z.output<typeof ZFormId>) {
  return inTransaction(ctx, async (tx, audit) => {
    const task = await loadTask(tx, ctx.companyId, input.taskId, true);
    const existing = await tx.taskVersion.findFirst({ where: { taskId: task.id, companyId: ctx.companyId, state: "DRAFT" }, select: { id: true, number: true, revision: true } });
    if (existing) return { ...existing, created: false };
    const versions = await tx.taskVersion.findMany({
      where: { taskId: task.id, companyId: ctx.companyId },
      orderBy: { number: "desc" },
      select: { number: true, state: true, definition: true },
    });
    const published = versions.find((version) => version.state === "PUBLISHED");
    if (!published) throw new AppError("CONFLICT", "This form has no published version to edit.");
    const number = (versions[0]?.number ?? 0) + 1;
    const draft = await tx.taskVersion.create({
      data: { companyId: ctx.companyId, taskId: task.id, number, definition: published.definition as InputJsonValue },
      select: { id: true, number: true, revision: true },
    });
    await audit({ action: "task.draft_created", entity: "Task", entityId: task.id, metadata: { version: number, from: published.number } });
    return { ...draft, created: true };
  });
}

/** Archives (hides from filling and lists) or brings back a form; versions and submissions stay. */
export async function setFormArchived(ctx: ServiceContext, input: z.output<typeof ZFormId> & { archived: boolean }) {
  return inTransaction(ctx, async (tx, audit) => {
    const task = await loadTask(tx, ctx.companyId, input.taskId, true);
    if (Boolean(task.archivedAt) === input.archived) return { id: task.id, status: task.status };
    const hasPublished = (await tx.taskVersion.count({ where: { taskId: task.id, companyId: ctx.companyId, state: "PUBLISHED" } })) > 0;
    const status = input.archived ? "ARCHIVED" : hasPublished ? "PUBLISHED" : "DRAFT";
    await tx.task.update({ where: { id: task.id }, data: { status, archivedAt: input.archived ? new Date() : null } });
    await audit({ action: input.archived ? "task.archived" : "task.unarchived", entity: "Task", entityId: task.id, before: { status: task.status }, after: { status } });
    return { id: task.id, status };
  });
}

type GroupShape = { key: string; type: string; fields?: { key: string; type: string }[] };

/** Ids a submission names in file (and signature) fields, top level and in group rows, bounded. */
export function referencedFileIds(definition: TFormDefinition, raw: unknown, types: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  const take = (value: unknown) => {
    const list = Array.isArray(value) ? value.slice(0, 100) : [value];
    for (const id of list) if (typeof id === "string" && isUuid(id)) ids.add(id.toLowerCase());
  };
  if (!isRecord(raw)) return [];
  for (const field of definition.fields as GroupShape[]) {
    const value = Object.hasOwn(raw, field.key) ? raw[field.key] : undefined;
    if (types.has(field.type)) take(value);
    if (field.type === "repeating_group" && Array.isArray(value)) {
      const subs = (field.fields ?? []).filter((sub) => types.has(sub.type));
      for (const row of value.slice(0, 1_000)) if (isRecord(row)) for (const sub of subs) if (Object.hasOwn(row, sub.key)) take(row[sub.key]);
    }
  }
  return [...ids].slice(0, 2_000);
}

/**
 * The files a submitter may attach: this company's, uploaded by this very person, not deleted.
 * Anything else looks like "not found" to the validator, so foreign ids are refused with a field error.
 */
async function ownFiles(tx: Tx, ctx: ServiceContext, ids: string[]) {
  if (ids.length === 0 || !ctx.actorId) return new Map<string, TFileInfo>();
  const rows = await tx.file.findMany({ where: { id: { in: ids }, companyId: ctx.companyId, uploadedById: ctx.actorId, deletedAt: null }, select: { id: true, mimetype: true, size: true } });
  return new Map(rows.map((row) => [row.id.toLowerCase(), { mimeType: row.mimetype, sizeBytes: row.size }]));
}

/** The newest published version of a task that can be filled on its own. */
async function fillableVersion(tx: Tx, companyId: string, taskId: string) {
  const task = await loadTask(tx, companyId, taskId);
  if (!task.standalone) throw new AppError("NOT_FOUND", "Form not found.");
  if (task.archivedAt || task.status !== "PUBLISHED") throw new AppError("CONFLICT", "This form is not open for submissions.");
  const version = await tx.taskVersion.findFirst({ where: { taskId, companyId, state: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, number: true, definition: true } });
  if (!version) throw new AppError("CONFLICT", "This form is not open for submissions.");
  return { task, version, definition: parseDefinition(version.definition) };
}

/**
 * A standalone submission of the newest published version: validated by the same code as the
 * browser (plus file ownership), stored with its version, audited and announced (TASK_COMPLETED in
 * the outbox) in one transaction. Invalid input is a 422 with field errors and stores nothing.
 */
export async function submitForm(ctx: ServiceContext, input: z.output<typeof ZSubmitForm>) {
  const executorId = actorOf(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const { task, version, definition } = await fillableVersion(tx, ctx.companyId, input.taskId);
    const fileIds = referencedFileIds(definition, input.data, new Set(["file", "signature"]));
    const files = await ownFiles(tx, ctx, fileIds);
    const now = new Date();
    const allowedOptions = await allowedOptionsFor(optionViewerOf(ctx), definition.fields, input.data);
    const result = validateSubmission(definition, input.data, { now, allowedOptions, fileInfo: (id) => files.get(id.toLowerCase()) ?? null });
    if (!result.ok) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors: result.fieldErrors });
    const signatureProblems = signatureErrors(definition, result.data, files);
    if (signatureProblems) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors: signatureProblems });
    const data = result.data as InputJsonValue;
    const execution = await tx.taskExecution.create({
      data: { companyId: ctx.companyId, taskId: task.id, taskVersionId: version.id, data, executorId, status: "COMPLETED", completedAt: now },
      select: { id: true, createdAt: true },
    });
    if (files.size > 0) {
      await tx.file.updateMany({ where: { id: { in: [...files.keys()] }, companyId: ctx.companyId, contextId: null }, data: { contextId: execution.id } });
    }
    await tx.outboxEvent.create({
      data: {
        companyId: ctx.companyId,
        type: "TASK_COMPLETED",
        entity: "TaskExecution",
        entityId: execution.id,
        payload: { taskId: task.id, taskVersionId: version.id, version: version.number, executionId: execution.id, executorId, data },
      },
    });
    await audit({ action: "task.submitted", entity: "Task", entityId: task.id, metadata: { executionId: execution.id, version: version.number } });
    return { id: execution.id, taskId: task.id, taskVersionId: version.id, version: version.number, createdAt: execution.createdAt, data: result.data };
  });
}

/**
 * The builder's "test submit": judges values against the (unsaved) draft definition with the same
 * validator and file checks as a real submission, and stores nothing. A refusal is the expected
 * answer of a test, so it is returned as a verdict rather than thrown.
 */
export async function testSubmission(ctx: ServiceContext, input: z.output<typeof ZTestSubmission>) {
  const definition = parseDefinition(input.definition);
  await loadTask(db, ctx.companyId, input.taskId);
  const files = await ownFiles(db, ctx, referencedFileIds(definition, input.data, new Set(["file", "signature"])));
  const result = validateSubmission(definition, input.data, { now: new Date(), fileInfo: (id) => files.get(id.toLowerCase()) ?? null });
  if (!result.ok) return { accepted: false as const, fieldErrors: result.fieldErrors };
  const signatureProblems = signatureErrors(definition, result.data, files);
  if (signatureProblems) return { accepted: false as const, fieldErrors: signatureProblems };
  return { accepted: true as const, data: result.data };
}

// The validator accepts a signature as an uploaded-file id or a PNG data URL; an id must be the
// submitter's own PNG upload, which the generic checker cannot know.
function signatureErrors(definition: TFormDefinition, data: Record<string, unknown>, files: Map<string, TFileInfo>): FieldErrors | null {
  const errors: FieldErrors = {};
  const check = (value: unknown, path: string, label: string) => {
    if (typeof value !== "string" || !isUuid(value)) return;
    const info = files.get(value.toLowerCase());
    if (!info || info.mimeType !== "image/png") errors[path] = [`${label} must be a signature drawn here; draw it again`];
  };
  for (const field of definition.fields) {
    if (field.type === "signature") check(data[field.key], field.key, field.label || field.key);
    if (field.type === "repeating_group" && Array.isArray(data[field.key])) {
      (data[field.key] as Record<string, unknown>[]).forEach((row, index) => {
        for (const sub of field.fields) if (sub.type === "signature") check(row[sub.key], `${field.key}.${index}.${sub.key}`, sub.label || sub.key);
      });
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
