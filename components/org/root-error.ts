import type { FieldErrors, FieldValues } from "react-hook-form";

/**
 * The form-level message, unless it only repeats a field's own message (an AppError for one field
 * carries the same text as its field error) — saying it twice adds nothing.
 */
export function distinctRootError<T extends FieldValues>(errors: FieldErrors<T>): string | undefined {
  const root = errors.root?.server?.message;
  if (!root) return undefined;
  const repeats = Object.entries(errors).some(([key, error]) => key !== "root" && (error as { message?: unknown } | undefined)?.message === root);
  return repeats ? undefined : root;
}
