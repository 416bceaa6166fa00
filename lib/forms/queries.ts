import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage, type TPageQuery } from "@/lib/http/pagination";
import { parseFormDefinition, type TFormDefinition } from "./definition";
import { diffDefinitions } from "./diff";
import type { TSubmissionFilters } from "./schema";

// Company-scoped reads of forms (tasks), their versions and submissions, as plain DTOs.

export type FormRow = {
  id: string;
  name: string;
  description: string | null;
  status: string;
  standalone: boolean;
  updatedAt: Date;
  newestVersion: number | null;
  publishedVersion: number | null;
  hasDraft: boolean;
  submissions: number;
};

const personName = (user: { firstName: string; lastName: string; email: string } | null) => (user ? `${user.firstName} ${user.lastName}`.trim() || user.email : null);

/** Stored definitions were validated when saved; parsing again gives the canonical typed document. */
export function storedDefinition(json: unknown): TFormDefinition {
  const parsed = parseFormDefinition(json);
  if (!parsed.ok) throw new AppError("CONFLICT", "This form version cannot be read by this version of the app.");
  return parsed.definition;
}

async function formRows(companyId: string, page?: TPageQuery, includeArchived = true): Promise<FormRow[]> {
  const tasks = await db.task.findMany({
    where: { companyId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    ...(page ? pageArgs(page) : {}),
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      standalone: true,
      updatedAt: true,
      versions: { select: { number: true, state: true }, orderBy: { number: "desc" } },
      _count: { select: { executions: true } },
    },
  });
  return tasks.map(({ versions, _count, ...task }) => ({
    ...task,
    newestVersion: versions[0]?.number ?? null,
    publishedVersion: versions.find((version) => version.state === "PUBLISHED")?.number ?? null,
    hasDraft: versions.some((version) => version.state === "DRAFT"),
    submissions: _count.executions,
  }));
}

/** Every form of the company, newest change first. */
export function listForms(companyId: string): Promise<FormRow[]> {
  return formRows(companyId);
}

/** A page of forms for the API (cursor = the last id seen). */
export async function listFormsPage(companyId: string, page: TPageQuery) {
  return toPage(await formRows(companyId, page), page.limit);
}

/** One form with all its versions (definitions of the draft and the newest published version). */
export async function getForm(companyId: string, id: string) {
  const task = await db.task.findFirst({
    where: { id, companyId },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      standalone: true,
      createdAt: true,
      updatedAt: true,
      publishedAt: true,
      archivedAt: true,
      versions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, state: true, revision: true, changeNote: true, publishedAt: true, publishedById: true, createdAt: true, updatedAt: true, definition: true },
      },
      _count: { select: { executions: true } },
    },
  });
  if (!task) throw new AppError("NOT_FOUND", "Form not found.");
  const publisherIds = [...new Set(task.versions.map((version) => version.publishedById).filter((value): value is string => Boolean(value)))];
  const publishers = await db.user.findMany({ where: { companyId, id: { in: publisherIds } }, select: { id: true, firstName: true, lastName: true, email: true } });
  const nameOf = new Map(publishers.map((user) => [user.id, personName(user)]));
  const draft = task.versions.find((version) => version.state === "DRAFT") ?? null;
  const published = task.versions.find((version) => version.state === "PUBLISHED") ?? null;
  const { _count, versions, ...rest } = task;
  return {
    ...rest,
    submissions: _count.executions,
    versions: versions.map(({ definition, ...version }) => ({
      ...version,
      publishedByName: version.publishedById ? (nameOf.get(version.publishedById) ?? null) : null,
      fieldCount: Array.isArray((definition as { fields?: unknown })?.fields) ? (definition as { fields: unknown[] }).fields.length : 0,
    })),
    draft: draft ? { id: draft.id, number: draft.number, revision: draft.revision, updatedAt: draft.updatedAt, definition: draft.definition } : null,
    published: published ? { id: published.id, number: published.number, publishedAt: published.publishedAt, definition: published.definition } : null,
  };
}

/** The current draft of a form for the builder: its definition (canonical) and revision. */
export async function getDraft(companyId: string, taskId: string) {
  const draft = await db.taskVersion.findFirst({ where: { taskId, companyId, state: "DRAFT" }, select: { number: true, revision: true, updatedAt: true, definition: true } });
  if (!draft) throw new AppError("NOT_FOUND", "This form has no draft.");
  return { number: draft.number, revision: draft.revision, updatedAt: draft.updatedAt.toISOString(), definition: storedDefinition(draft.definition) };
}

/** Keys that appear in any published version: those fields' keys are frozen (submissions use them). */
export async function publishedKeys(companyId: string, taskId: string): Promise<string[]> {
  const versions = await db.taskVersion.findMany({ where: { taskId, companyId, state: "PUBLISHED" }, select: { definition: true } });
  const keys = new Set<string>();
  for (const version of versions) {
    const fields = (version.definition as { fields?: unknown })?.fields;
    if (!Array.isArray(fields)) continue;
    for (const field of fields as { key?: unknown; fields?: { key?: unknown }[] }[]) {
      if (typeof field?.key === "string") keys.add(field.key);
      if (Array.isArray(field?.fields)) for (const sub of field.fields) if (typeof sub?.key === "string") keys.add(sub.key);
    }
  }
  return [...keys];
}

/** One version of a form by number. */
export async function getVersion(companyId: string, taskId: string, number: number) {
  const version = await db.taskVersion.findFirst({
    where: { taskId, companyId, number },
    select: { id: true, number: true, state: true, definition: true, changeNote: true, publishedAt: true, revision: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "Version not found.");
  return version;
}

/** The readable difference between two versions of one form (fields matched by stable key). */
export async function diffVersions(companyId: string, taskId: string, from: number, to: number) {
  const [a, b] = await Promise.all([getVersion(companyId, taskId, from), getVersion(companyId, taskId, to)]);
  return diffDefinitions(storedDefinition(a.definition), storedDefinition(b.definition));
}

/** What the fill page needs: the newest published version of a standalone form. */
export async function getFillableForm(companyId: string, taskId: string) {
  const task = await db.task.findFirst({ where: { id: taskId, companyId, standalone: true }, select: { id: true, name: true, description: true, status: true, archivedAt: true } });
  if (!task) throw new AppError("NOT_FOUND", "Form not found.");
  const version = await db.taskVersion.findFirst({ where: { taskId, companyId, state: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, number: true, definition: true } });
  const isOpen = Boolean(version) && task.status === "PUBLISHED" && !task.archivedAt;
  return { task, isOpen, version: version ? { id: version.id, number: version.number, definition: storedDefinition(version.definition) } : null };
}

/** People and departments for the user/department pickers and for showing stored ids by name. */
export async function getPickerContext(companyId: string) {
  const [users, departments] = await Promise.all([
    db.user.findMany({ where: { companyId }, orderBy: [{ firstName: "asc" }, { lastName: "asc" }], select: { id: true, firstName: true, lastName: true, email: true, isActive: true } }),
    db.department.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    users: users.map((user) => ({ id: user.id, label: personName(user)!, inactive: !user.isActive })),
    departments: departments.map((department) => ({ id: department.id, label: department.name })),
  };
}

export type SubmissionScope = { companyId: string; taskId: string; filters: TSubmissionFilters; /** Only this submitter's (people who may not see everyone's). */ onlyExecutorId?: string };

function submissionWhere({ companyId, taskId, filters, onlyExecutorId }: SubmissionScope): Prisma.TaskExecutionWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) createdAt.lt = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000);
  const executorId = onlyExecutorId ?? filters.submitter;
  return { companyId, taskId, ...(executorId ? { executorId } : {}), ...(filters.from || filters.to ? { createdAt } : {}) };
}

const submissionSelect = {
  id: true,
  createdAt: true,
  status: true,
  data: true,
  executorId: true,
  flowInstanceId: true,
  taskVersion: { select: { id: true, number: true } },
  executor: { select: { firstName: true, lastName: true, email: true } },
} as const;

type SubmissionRecord = Prisma.TaskExecutionGetPayload<{ select: typeof submissionSelect }>;
const toSubmissionRow = ({ executor, taskVersion, ...row }: SubmissionRecord) => ({ ...row, version: taskVersion.number, taskVersionId: taskVersion.id, executorName: personName(executor) });
export type SubmissionRow = ReturnType<typeof toSubmissionRow>;

/** One page of submissions by number (the page's table), newest first, with the total. */
export async function listSubmissions(scope: SubmissionScope, page: number, pageSize = 25) {
  const where = submissionWhere(scope);
  const [total, rows] = await Promise.all([
    db.taskExecution.count({ where }),
    db.taskExecution.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, select: submissionSelect }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / pageSize)), rows: rows.map(toSubmissionRow) };
}

/** A cursor page of submissions for the API. */
export async function listSubmissionsPage(scope: SubmissionScope, page: TPageQuery) {
  await assertTask(scope.companyId, scope.taskId);
  const rows = await db.taskExecution.findMany({
    where: submissionWhere(scope),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(page),
    select: submissionSelect,
  });
  return toPage(rows.map(toSubmissionRow), page.limit);
}

/** Every matching submission, for CSV export (bounded: exports past this need the API's pages). */
export async function submissionsForExport(scope: SubmissionScope, max = 10_000) {
  const rows = await db.taskExecution.findMany({ where: submissionWhere(scope), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: max, select: submissionSelect });
  return rows.map(toSubmissionRow);
}

async function assertTask(companyId: string, taskId: string) {
  if (!(await db.task.findFirst({ where: { id: taskId, companyId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "Form not found.");
}

/** One submission with the exact version it was made with (old submissions render with their own version). */
export async function getSubmission(companyId: string, taskId: string, id: string, onlyExecutorId?: string) {
  const row = await db.taskExecution.findFirst({
    where: { id, companyId, taskId, ...(onlyExecutorId ? { executorId: onlyExecutorId } : {}) },
    select: { ...submissionSelect, taskVersion: { select: { id: true, number: true, definition: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Submission not found.");
  const { executor, taskVersion, ...rest } = row;
  return { ...rest, executorName: personName(executor), version: taskVersion.number, definition: storedDefinition(taskVersion.definition) };
}

/** Names and types of files, for showing stored file ids (company-scoped). */
export async function fileSummaries(companyId: string, ids: string[]) {
  if (ids.length === 0) return {};
  const files = await db.file.findMany({ where: { companyId, id: { in: ids } }, select: { id: true, originalName: true, mimetype: true, size: true } });
  return Object.fromEntries(files.map((file) => [file.id, { originalName: file.originalName, mimetype: file.mimetype, size: file.size }]));
}

/** People who submitted this form, for the submitter filter. */
export async function listSubmitters(companyId: string, taskId: string) {
  const groups = await db.taskExecution.groupBy({ by: ["executorId"], where: { companyId, taskId } });
  const users = await db.user.findMany({ where: { companyId, id: { in: groups.map((group) => group.executorId) } }, select: { id: true, firstName: true, lastName: true, email: true } });
  return users.map((user) => ({ id: user.id, label: personName(user)! })).sort((a, b) => a.label.localeCompare(b.label));
}
