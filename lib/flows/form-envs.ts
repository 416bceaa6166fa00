import "server-only";
import type { Tx } from "@/lib/db";
import type { TypeEnv } from "@/lib/expressions/types";
import { parseFormDefinition } from "@/lib/forms/definition";
import { typeEnvOf } from "@/lib/forms/type-env";
import { fieldFactsOf } from "./analysis/field-facts";
import type { FieldFacts } from "./analysis/samples";

/**
 * The field types (and facts: can a value be missing, its bounds) of the company's form versions by
 * id, as branch conditions see them. A version
 * that is missing or unreadable is left out (its level then fills no fields, and conditions reading
 * them are reported by the publish check).
 */
export async function formFieldEnvs(tx: Tx, companyId: string, taskVersionIds: readonly string[]): Promise<Map<string, { fields: TypeEnv; facts: Record<string, FieldFacts> }>> {
  const ids = [...new Set(taskVersionIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx.taskVersion.findMany({ where: { id: { in: ids }, companyId }, select: { id: true, definition: true } });
  const envs = new Map<string, { fields: TypeEnv; facts: Record<string, FieldFacts> }>();
  for (const row of rows) {
    const parsed = parseFormDefinition(row.definition);
    if (parsed.ok) envs.set(row.id, { fields: typeEnvOf(parsed.definition), facts: fieldFactsOf(parsed.definition) });
  }
  return envs;
}
