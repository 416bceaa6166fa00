// The words for what a bulk decision did, per item and in one line. Pure and client-safe.

export type BulkItemOutcome = { instanceId: string; ok: boolean; error?: string };

const PAST: Record<"approve" | "reject", string> = { approve: "approved", reject: "rejected" };

/**
 * "3 approved, 1 failed: This request was already approved by Mike Manager at 14:02 UTC." — the
 * first failure's reason is quoted; several different reasons are counted instead of listed.
 */
export function bulkResultMessage(action: "approve" | "reject", results: readonly BulkItemOutcome[]): string {
  const done = results.filter((result) => result.ok).length;
  const failed = results.filter((result) => !result.ok);
  const parts: string[] = [];
  if (done > 0 || failed.length === 0) parts.push(`${done} ${PAST[action]}`);
  if (failed.length > 0) {
    const reasons = [...new Set(failed.map((result) => result.error ?? "Something went wrong."))];
    const why = reasons.length === 1 ? reasons[0] : `${reasons[0]} (and ${reasons.length - 1} other ${reasons.length === 2 ? "reason" : "reasons"})`;
    parts.push(`${failed.length} failed: ${why}`);
  }
  return parts.join(", ");
}
