// Definition problems (from the same parse the server runs, or from the server's answer) attached to
// the fields they are about, so the builder can show them on the field and in a problems list.
import type { TFormDefinition } from "@/lib/forms/definition";

export type TProblem = { path: string; message: string; fieldKey: string | null; property: string };

/**
 * Problems from field errors keyed by definition path ("fields.2.conditions.require" or
 * "fields.1.fields.0.key"), resolved against the definition they were found in.
 */
export function problemsOf(errors: Record<string, string[]>, definition: TFormDefinition): TProblem[] {
  const problems: TProblem[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const parts = path.split(".");
    let fieldKey: string | null = null;
    let rest = parts;
    if (parts[0] === "fields" && /^\d+$/.test(parts[1] ?? "")) {
      const field = definition.fields[Number(parts[1])];
      fieldKey = field?.key ?? null;
      rest = parts.slice(2);
      if (field?.type === "repeating_group" && rest[0] === "fields" && /^\d+$/.test(rest[1] ?? "")) {
        fieldKey = field.fields[Number(rest[1])]?.key ?? fieldKey;
        rest = rest.slice(2);
      }
    }
    for (const message of messages) problems.push({ path, message, fieldKey, property: rest.join(".") });
  }
  return problems;
}

/** Field errors from zod-style issues ("" for the whole definition). */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}
