import "server-only";
import { db } from "@/lib/db";
import type { Type } from "@/lib/expressions/types";
import { toFlowDefinition, type TFlowDefinition, type TFlowLevel } from "@/lib/flows/definition";
import { compileForm, type TCompiledForm } from "@/lib/forms/compile";
import { parseFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { typeEnvOf } from "@/lib/forms/type-env";
import { sql } from "./sql";

// Published flow versions and form versions are immutable (database triggers), so their mapped
// definitions and compiled forms are cached in process by id and never invalidated. Drafts are
// never cached. The caches are bounded so a long-running process cannot grow without limit.

const MAX_ENTRIES = 500;

/** A form (task) version as the runner uses it: validation, TaskExecution rows, rendering. */
export type LoadedForm = {
  companyId: string;
  taskVersionId: string;
  taskId: string;
  taskName: string;
  number: number;
  definition: TFormDefinition;
  compiled: TCompiledForm;
  /** Field keys that hold file ids (their files are looked up before validation). */
  fileKeys: string[];
};

/** A flow version ready for the engine, with what the runner and the queries need around it. */
export type LoadedVersion = {
  companyId: string;
  flowVersionId: string;
  flowId: string;
  number: number;
  definition: TFlowDefinition;
  levels: ReadonlyMap<string, TFlowLevel>;
  /** The types conditions read fields with (every form of the version merged). */
  fieldTypes: Readonly<Record<string, Type>>;
  forms: ReadonlyMap<string, LoadedForm>;
  /** Scalar fields in form order (levels by order, forms by order): the inbox's "key fields". */
  keyFields: ReadonlyArray<{ key: string; label: string }>;
};

const versions = new Map<string, LoadedVersion>();
const forms = new Map<string, LoadedForm>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

const SCALAR_TYPES = new Set(["text", "email", "phone", "url", "number", "currency", "rating", "yes_no", "date", "datetime", "time", "dropdown", "radio", "user", "department"]);

/** Loads form versions by id (cached when published); throws when one is missing or unreadable. */
export async function loadForms(companyId: string, taskVersionIds: readonly string[]): Promise<Map<string, LoadedForm>> {
  const result = new Map<string, LoadedForm>();
  const missing = taskVersionIds.filter((id) => {
    // The caches are keyed by id alone; an entry of another company is never handed out.
    const cached = forms.get(id);
    if (cached?.companyId === companyId) result.set(id, cached);
    return cached?.companyId !== companyId;
  });
  if (missing.length === 0) return result;
  const rows = await db.taskVersion.findMany({
    where: { id: { in: missing }, companyId },
    select: { id: true, taskId: true, number: true, state: true, definition: true, task: { select: { name: true } } },
  });
  for (const row of rows) {
    const parsed = parseFormDefinition(row.definition);
    if (!parsed.ok) throw new Error(`Form version ${row.id} cannot be read: ${parsed.issues[0]?.message ?? "invalid definition"}`);
    const loaded: LoadedForm = {
      companyId,
      taskVersionId: row.id,
      taskId: row.taskId,
      taskName: row.task.name,
      number: row.number,
      definition: parsed.definition,
      compiled: compileForm(parsed.definition),
      fileKeys: parsed.definition.fields.filter((field) => field.type === "file").map((field) => field.key),
    };
    result.set(row.id, row.state === "PUBLISHED" ? remember(forms, row.id, loaded) : loaded);
  }
  const absent = missing.filter((id) => !result.has(id));
  if (absent.length > 0) throw new Error(`Form versions not found: ${absent.join(", ")}`);
  return result;
}

/** The levels of a flow version with everything the engine and the pages read (a Prisma `select`). */
export const levelSelect = {
  orderBy: { order: "asc" },
  select: {
    id: true,
    name: true,
    order: true,
    approvalMode: true,
    requiredApprovals: true,
    config: true,
    assignees: { select: { kind: true, roleId: true, departmentId: true, userId: true } },
    tasks: { orderBy: { order: "asc" }, select: { taskVersionId: true, order: true } },
    outgoingBranches: {
      orderBy: { priority: "asc" },
      select: { id: true, name: true, target: true, toLevelId: true, condition: true, isDefault: true, priority: true },
    },
  },
} as const;

/** Loads a flow version of the company (cached when published); null when it does not exist. */
export async function loadVersion(companyId: string, flowVersionId: string): Promise<LoadedVersion | null> {
  const cached = versions.get(flowVersionId);
  if (cached?.companyId === companyId) return cached;
  const row = await db.flowVersion.findFirst({
    where: { id: flowVersionId, companyId },
    select: { id: true, flowId: true, number: true, state: true, levels: levelSelect },
  });
  if (!row) return null;
  const mapped = toFlowDefinition(row);
  if (!mapped.ok) throw new Error(`Flow version ${row.id} cannot run: ${mapped.problems.map((problem) => problem.message).join("; ")}`);
  const definition = mapped.definition;
  const loadedForms = await loadForms(companyId, [...new Set(definition.levels.flatMap((level) => level.taskVersionIds))]);
  const fieldTypes: Record<string, Type> = {};
  const keyFields: { key: string; label: string }[] = [];
  for (const level of [...definition.levels].sort((a, b) => a.order - b.order)) {
    for (const id of level.taskVersionIds) {
      const form = loadedForms.get(id)!;
      Object.assign(fieldTypes, typeEnvOf(form.definition));
      for (const field of form.definition.fields) {
        if (SCALAR_TYPES.has(field.type) && !keyFields.some((known) => known.key === field.key)) keyFields.push({ key: field.key, label: field.label });
      }
    }
  }
  const loaded: LoadedVersion = {
    companyId,
    flowVersionId: row.id,
    flowId: row.flowId,
    number: row.number,
    definition,
    levels: new Map(definition.levels.map((level) => [level.id, level])),
    fieldTypes,
    forms: loadedForms,
    keyFields,
  };
  return row.state === "PUBLISHED" ? remember(versions, row.id, loaded) : loaded;
}

/** The newest published version of a live flow of the company, or null (no such flow, or none published). */
export async function newestPublishedVersion(companyId: string, flowId: string): Promise<{ versionId: string; flowName: string } | null> {
  const [row] = await sql<{ versionId: string; flowName: string }>({
    name: "flow_newest_published_v1",
    text: `SELECT v.id AS "versionId", f.name AS "flowName" FROM flows f JOIN flow_versions v ON v."flowId" = f.id AND v.state = 'PUBLISHED'
           WHERE f.id = $1::uuid AND f."companyId" = $2::uuid AND f."archivedAt" IS NULL ORDER BY v.number DESC LIMIT 1`,
    values: [flowId, companyId],
  });
  return row ?? null;
}
