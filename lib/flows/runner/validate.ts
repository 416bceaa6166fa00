import "server-only";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { JsonObject } from "@/lib/flows/engine/types";
import { allowedOptionsFor, type TOptionViewer } from "@/lib/datasets/options";
import { checkSubmission } from "@/lib/forms/submission";
import type { TFileInfo } from "@/lib/forms/field-values";
import type { LoadedForm, LoadedVersion } from "./definitions";
import { sql } from "./sql";
import { isUuid } from "@/lib/ids";

// A level's submission is one flat object of values (the engine merges data by field key). Each form
// of the level validates the keys it defines, with lib/forms — the same code the browser runs — so
// the stored values are the cleaned ones, and a key no form of the level has is refused.

export type ValidatedSubmission = {
  data: JsonObject;
  /** One per form of the level: what becomes a TaskExecution row. */
  submissions: { taskId: string; taskVersionId: string; levelId: string; data: JsonObject }[];
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// File fields hold ids of uploaded files; the forms check their type and size against the File rows.
async function fileInfos(companyId: string, forms: LoadedForm[], raw: Record<string, unknown>): Promise<Map<string, TFileInfo>> {
  const ids = new Set<string>();
  for (const form of forms) {
    for (const key of form.fileKeys) {
      const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
      if (Array.isArray(value)) for (const id of value) if (typeof id === "string" && isUuid(id)) ids.add(id.toLowerCase());
    }
  }
  const infos = new Map<string, TFileInfo>();
  if (ids.size === 0) return infos;
  const rows = await sql<{ id: string; mimetype: string; size: number }>({
    name: "flow_submission_files_v1",
    text: `SELECT id, mimetype, size FROM files WHERE "companyId" = $1::uuid AND id = ANY($2::uuid[]) AND "deletedAt" IS NULL`,
    values: [companyId, [...ids]],
  });
  for (const row of rows) infos.set(row.id, { mimeType: row.mimetype, sizeBytes: row.size });
  return infos;
}

/**
 * Validates `raw` against the forms of `levelId`. Field errors are a 422 AppError with `fieldErrors`
 * (keyed by field path); nothing has been written at that point.
 */
export async function validateLevelSubmission(input: { companyId: string; viewer: TOptionViewer; version: LoadedVersion; levelId: string; raw: unknown; previous: JsonObject; now: Date }): Promise<ValidatedSubmission> {
  const { version, levelId, raw } = input;
  const level = version.levels.get(levelId);
  if (!level) throw new Error(`Level ${levelId} is not part of flow version ${version.flowVersionId}`);
  if (!isRecord(raw)) throw new AppError("VALIDATION", "Send the form's values as an object.", { fieldErrors: { data: ["Send the form's values as an object"] } });
  const forms = level.taskVersionIds.map((id) => version.forms.get(id)!);
  const fieldErrors: FieldErrors = {};
  const known = new Set(forms.flatMap((form) => [...form.compiled.keys]));
  for (const key of Object.keys(raw)) if (!known.has(key)) (fieldErrors[key] ??= []).push(`"${level.name}" has no field "${key.length > 40 ? `${key.slice(0, 40)}…` : key}"`);
  const files = await fileInfos(input.companyId, forms, raw);
  const data: JsonObject = {};
  const submissions: ValidatedSubmission["submissions"] = [];
  for (const form of forms) {
    const part: Record<string, unknown> = {};
    for (const key of form.compiled.keys) if (Object.hasOwn(raw, key)) part[key] = raw[key];
    const allowedOptions = await allowedOptionsFor(input.viewer, form.definition.fields, part);
    const checked = checkSubmission(form.compiled, part, { previous: input.previous, now: input.now, allowedOptions, fileInfo: (id) => files.get(id.toLowerCase()) ?? null });
    if (!checked.ok) {
      for (const [key, messages] of Object.entries(checked.fieldErrors)) (fieldErrors[key] ??= []).push(...messages);
      continue;
    }
    const values = checked.data as JsonObject;
    Object.assign(data, values);
    submissions.push({ taskId: form.taskId, taskVersionId: form.taskVersionId, levelId, data: values });
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors });
  return { data, submissions };
}
