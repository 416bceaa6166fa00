// Engine refusals as the app's coded errors, and the message of a lost race. Pure.
import { AppError } from "@/lib/errors";
import type { EngineError } from "@/lib/flows/engine/types";
import { verbOf } from "./notify-text";

/**
 * Maps an engine refusal onto an AppError: who-may-act refusals are 403, rule violations 422 (a
 * missing reason on `fieldErrors.reason`), a request that is over or already decided 409. A broken
 * definition or an engine bug is not the user's fault: a plain Error (logged, 500).
 */
export function appErrorOf(error: EngineError): Error {
  switch (error.code) {
    case "NOT_ASSIGNEE":
    case "FORBIDDEN":
      return new AppError("FORBIDDEN", error.message, { details: { reason: error.code } });
    case "REASON_REQUIRED":
      return new AppError("VALIDATION", error.message, { fieldErrors: { reason: [error.message] }, details: { reason: error.code } });
    case "BAD_TARGET":
      return new AppError("VALIDATION", error.message, { fieldErrors: { toLevelId: [error.message] }, details: { reason: error.code } });
    case "ACTION_NOT_ALLOWED":
    case "SELF_APPROVAL":
    case "BAD_EVENT":
      return new AppError("VALIDATION", error.message, { details: { reason: error.code } });
    case "TERMINAL":
    case "ALREADY_DECIDED":
    case "NOT_STARTED":
    case "ALREADY_STARTED":
      return new AppError("CONFLICT", error.message, { details: { reason: error.code } });
    case "BAD_DEFINITION":
    case "INTERNAL":
      return new Error(`Flow engine: ${error.code}: ${error.message}`);
  }
}

export type LatestChange = { action: string; actorName: string | null; at: Date; version: number };

const hhmm = (at: Date) => `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")} UTC`;

/** "This request was already approved by Mike Manager at 14:02 UTC" — the 409 of a lost race. */
export function conflictError(latest: LatestChange | null): AppError {
  if (!latest) return new AppError("CONFLICT", "This request was changed by someone else. Reload it and try again.");
  const by = latest.actorName ? ` by ${latest.actorName}` : latest.action === "ESCALATED" || latest.action === "REMINDED" ? " automatically" : "";
  const what = latest.action === "ESCALATED" ? "escalated" : latest.action === "REMINDED" ? "reminded" : latest.action === "REASSIGNED" ? "reassigned" : verbOf(latest.action);
  return new AppError("CONFLICT", `This request was already ${what}${by} at ${hhmm(latest.at)}. Reload it to see where it is now.`, {
    details: { latest: { action: latest.action, actorName: latest.actorName, at: latest.at.toISOString(), version: latest.version } },
  });
}
