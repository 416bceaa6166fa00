import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/flows/engine/types";
import { conflictError, type LatestChange } from "./errors";
import { sql } from "./sql";

// What happened since the version someone saw, to tell a lost race from a harmless overlap. Events
// that leave the instance at the same level visit (another approval of an "all assignees" level, a
// reminder, an escalation, a reassignment) do not change what the person decided on, so their action
// is re-checked by the engine and applied; anything that moved the instance is a 409 naming who.

type EventRow = { seq: number; action: string; actorName: string | null; createdAt: Date; inPlace: boolean };

const SINCE_STATEMENT = {
  name: "flow_events_since_v1",
  text: `
  SELECT e.seq, e.action, NULLIF(trim(u."firstName" || ' ' || u."lastName"), '') AS "actorName", e."createdAt",
    (e."fromLevelId" IS NOT NULL AND e."fromLevelId" = e."toLevelId" AND NOT (e.data ? 'routing') AND e.data->>'status' = 'IN_PROGRESS') AS "inPlace"
  FROM flow_instance_events e LEFT JOIN users u ON u.id = e."actorId"
  WHERE e."instanceId" = $1::uuid AND e."companyId" = $2::uuid AND e.seq > $3
  ORDER BY e.seq LIMIT 200`,
};

/** Whether the instance left the level visit seen at `afterVersion`; `mover` is the first event that did. */
export async function changesSince(companyId: string, instanceId: string, afterVersion: number, currentVersion: number): Promise<{ moved: boolean; mover: LatestChange | null }> {
  if (afterVersion > currentVersion) return { moved: true, mover: null };
  if (afterVersion === currentVersion) return { moved: false, mover: null };
  const rows = await sql<EventRow>({ ...SINCE_STATEMENT, values: [instanceId, companyId, afterVersion] });
  const mover = rows.find((row) => !row.inPlace);
  // Over 200 in-place events since: treat as moved rather than read on.
  if (!mover && rows.length < currentVersion - afterVersion) return { moved: true, mover: null };
  return mover ? { moved: true, mover: { action: mover.action, actorName: mover.actorName, at: mover.createdAt, version: mover.seq } } : { moved: false, mover: null };
}

const DECISION_WORDS: Record<string, string> = {
  decided: "APPROVED",
  rejected: "REJECTED",
  sent_back: "SENT_BACK",
  changes_requested: "CHANGES_REQUESTED",
  cancelled: "CANCELLED",
  reassigned: "REASSIGNED",
};

/**
 * For a refused "not an assignee": if the person DID hold this request at a level it has since left
 * (a double click, or two approvers at once), answer 409 naming who moved it instead of 403.
 */
export async function notAssigneeError(companyId: string, instanceId: string, actor: Actor, refusal: AppError): Promise<AppError> {
  const [row] = await sql<{ decision: string | null; completedAt: Date | null; decider: string | null; version: number }>({
    name: "flow_decided_elsewhere_v1",
    text: `
    SELECT a.decision, a."completedAt", NULLIF(trim(u."firstName" || ' ' || u."lastName"), '') AS decider, i.version
    FROM assignments a JOIN flow_instances i ON i.id = a."instanceId" LEFT JOIN users u ON u.id = a."decidedById"
    WHERE a."instanceId" = $1::uuid AND a."companyId" = $2::uuid AND a.principal = ANY($3::text[]) AND a.status <> 'OPEN' AND a."decidedById" IS NOT NULL
    ORDER BY a."completedAt" DESC NULLS LAST LIMIT 1`,
    values: [instanceId, companyId, actor.principals],
  });
  if (!row?.decision || !row.completedAt) return refusal;
  return conflictError({ action: DECISION_WORDS[row.decision] ?? row.decision.toUpperCase(), actorName: row.decider, at: row.completedAt, version: row.version });
}
