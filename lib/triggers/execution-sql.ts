import "server-only";
import type { Tx } from "@/lib/db";
import { sql } from "@/lib/flows/runner/sql";

// The bookkeeping of one execution as few statements as possible (README "Performance": an
// execution used to cost ≈20 Prisma round trips). Starting is one statement that marks the execution
// RUNNING and reads back the trigger, the event, the actions already done and — only when the trigger
// has a rate limit — the recent executions; each action's outcome is one upsert (inside the action's
// own transaction when it writes our data), preceded by one small upsert that shows the run as RUNNING
// while it is in flight (a slow call_webhook is visible before it ends); finishing is one update. They go through plain `pg`
// (lib/flows/runner/sql.ts) with named statements, except the upsert that must share Prisma's
// transaction with the action's writes.
//
// Timestamps: the columns are `timestamp without time zone` holding UTC (Prisma's convention), so
// values go in as ISO strings cast to `timestamp` (the "Z" is ignored: the digits are UTC) and come
// out `AT TIME ZONE 'UTC'`, which `pg` reads as an exact instant whatever the process's zone.

const FINAL_STATUSES = `('SUCCESS', 'PARTIAL_SUCCESS', 'SKIPPED', 'DEAD')`;
const utc = (date: Date) => date.toISOString();

export type TDoneRun = { index: number; type: string; result: unknown; durationMs: number };

export type TStartedExecution = {
  id: string;
  companyId: string;
  triggerId: string;
  eventId: string;
  /** Attempts before this one (0 on the first attempt, and after a re-run or a quiet-hours wait). */
  previousAttempts: number;
  isActive: boolean;
  archived: boolean;
  eventType: string;
  taskId: string | null;
  flowId: string | null;
  tableId: string | null;
  conditions: unknown;
  actions: unknown;
  settings: unknown;
  triggerUpdatedAt: Date;
  /** The event; null when it is gone. */
  event: { type: string; entity: string; entityId: string; payload: unknown; depth: number; createdAt: Date } | null;
  done: TDoneRun[];
  /** Executions of the trigger in the minute before `now` (manual test runs aside); only counted on a first attempt of a rate-limited trigger. */
  recent: number | null;
};

type StartRow = Omit<TStartedExecution, "event"> & { eventFound: boolean; type: string; entity: string; entityId: string; payload: unknown; depth: number; createdAt: Date };

/** Marks an unfinished execution RUNNING and loads everything it needs; null when it is finished or missing. */
export async function startExecution(executionId: string, now: Date): Promise<TStartedExecution | null> {
  const [row] = await sql<StartRow>({
    name: "trigger-execution-start",
    text: `WITH started AS (
             UPDATE trigger_executions SET status = 'RUNNING', attempts = attempts + 1
              WHERE id = $1::uuid AND status NOT IN ${FINAL_STATUSES}
              RETURNING id, "companyId", "triggerId", "eventId", attempts)
           SELECT s.id, s."companyId", s."triggerId", s."eventId", s.attempts - 1 AS "previousAttempts",
                  t."isActive", t."archivedAt" IS NOT NULL AS archived, t."eventType"::text AS "eventType", t."taskId", t."flowId", t."tableId",
                  t.conditions, t.actions, t.settings, t."updatedAt" AT TIME ZONE 'UTC' AS "triggerUpdatedAt",
                  e.id IS NOT NULL AS "eventFound", e.type::text AS type, e.entity, e."entityId", e.payload, e.depth, e."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
                  (SELECT coalesce(json_agg(json_build_object('index', r."actionIndex", 'type', r.type, 'result', r.result, 'durationMs', r."durationMs")), '[]'::json)
                     FROM trigger_action_runs r WHERE r."eventId" = s."eventId" AND r."triggerId" = s."triggerId" AND r.status = 'SUCCESS') AS done,
                  CASE WHEN s.attempts = 1 AND t.settings ? 'rateLimitPerMinute' THEN
                    (SELECT count(*)::int FROM trigger_executions x
                      WHERE x."triggerId" = s."triggerId" AND x.id <> s.id AND x."executedAt" > $2::timestamp AND x."testRunById" IS NULL
                        AND x.status IN ('SUCCESS', 'PARTIAL_SUCCESS', 'FAILED', 'RUNNING')) END AS recent
             FROM started s
             JOIN triggers t ON t.id = s."triggerId" AND t."companyId" = s."companyId"
             LEFT JOIN outbox_events e ON e.id = s."eventId" AND e."companyId" = s."companyId"`,
    values: [executionId, utc(new Date(now.getTime() - 60_000))],
  });
  if (!row) return null;
  const { eventFound, type, entity, entityId, payload, depth, createdAt, ...execution } = row;
  return { ...execution, event: eventFound ? { type, entity, entityId, payload, depth, createdAt } : null };
}

/** The status of an execution that could not be started (finished, or missing). */
export async function executionStatus(executionId: string): Promise<string> {
  const [row] = await sql<{ status: string }>({ name: "trigger-execution-status", text: `SELECT status::text AS status FROM trigger_executions WHERE id = $1::uuid`, values: [executionId] });
  return row?.status ?? "MISSING";
}

export type TFinish = {
  status: string;
  conditionsMet?: boolean;
  conditionResult?: unknown;
  actionsExecuted?: unknown;
  errorMessage?: string | null;
  executionTimeMs: number;
  /** A quiet-hours wait: back to PENDING with the attempt not counted. */
  resetAttempts?: boolean;
};

/** Records an execution's outcome in one statement. */
export async function finishExecution(executionId: string, finish: TFinish): Promise<void> {
  await sql({
    name: "trigger-execution-finish",
    text: `UPDATE trigger_executions SET status = $2::"TriggerExecutionStatus",
             "conditionsMet" = coalesce($3::boolean, "conditionsMet"),
             "conditionResult" = coalesce($4::jsonb, "conditionResult"),
             "actionsExecuted" = coalesce($5::jsonb, "actionsExecuted"),
             "errorMessage" = $6, "executionTime" = $7::int, "executedAt" = $8::timestamp,
             attempts = CASE WHEN $9::boolean THEN 0 ELSE attempts END
           WHERE id = $1::uuid`,
    values: [
      executionId,
      finish.status,
      finish.conditionsMet ?? null,
      finish.conditionResult === undefined ? null : JSON.stringify(finish.conditionResult),
      finish.actionsExecuted === undefined ? null : JSON.stringify(finish.actionsExecuted),
      finish.errorMessage ?? null,
      Math.round(finish.executionTimeMs),
      utc(new Date()),
      finish.resetAttempts ?? false,
    ],
  });
}

export type TRunKey = { companyId: string; executionId: string; eventId: string; triggerId: string; actionIndex: number; type: string };
export type TRunOutcome = { status: "SUCCESS" | "FAILED"; result?: unknown; error?: string | null; durationMs: number };

const RECORD_RUN = `INSERT INTO trigger_action_runs ("companyId", "executionId", "eventId", "triggerId", "actionIndex", type, status, result, error, attempts, "durationMs", "finishedAt")
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::int, $6, $7::"TriggerExecutionStatus", $8::jsonb, $9, 1, $10::int, $11::timestamp)
  ON CONFLICT ("eventId", "triggerId", "actionIndex") DO UPDATE SET
    status = EXCLUDED.status, result = coalesce(EXCLUDED.result, trigger_action_runs.result), error = EXCLUDED.error,
    attempts = trigger_action_runs.attempts + 1, "durationMs" = EXCLUDED."durationMs", "finishedAt" = EXCLUDED."finishedAt", "executionId" = EXCLUDED."executionId"
  WHERE trigger_action_runs.status <> 'SUCCESS'
  RETURNING id`;

const runValues = (key: TRunKey, outcome: TRunOutcome) => [
  key.companyId,
  key.executionId,
  key.eventId,
  key.triggerId,
  key.actionIndex,
  key.type,
  outcome.status,
  outcome.result === undefined ? null : JSON.stringify(outcome.result ?? {}),
  outcome.error ?? null,
  Math.round(outcome.durationMs),
  utc(new Date()),
];

/**
 * Records an action's outcome, keyed by (event, trigger, action index). Returns false when the action
 * had already succeeded (a run that succeeded is never overwritten) — inside the action's transaction
 * that means another worker did the work first, and the caller rolls its own copy back.
 */
export async function recordActionRun(key: TRunKey, outcome: TRunOutcome, tx?: Tx): Promise<boolean> {
  const rows = tx
    ? await tx.$queryRawUnsafe<{ id: string }[]>(RECORD_RUN, ...runValues(key, outcome))
    : await sql<{ id: string }>({ name: "trigger-action-run-record", text: RECORD_RUN, values: runValues(key, outcome) });
  return rows.length === 1;
}

const MARK_RUNNING = `INSERT INTO trigger_action_runs ("companyId", "executionId", "eventId", "triggerId", "actionIndex", type, status, "startedAt")
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::int, $6, 'RUNNING', $7::timestamp)
  ON CONFLICT ("eventId", "triggerId", "actionIndex") DO UPDATE SET
    status = 'RUNNING', "startedAt" = EXCLUDED."startedAt", "finishedAt" = NULL, error = NULL, "executionId" = EXCLUDED."executionId"
  WHERE trigger_action_runs.status <> 'SUCCESS'
  RETURNING id`;

/**
 * Shows an action's run as RUNNING from the moment it starts (committed before the action acts).
 * Never touches a run that already succeeded: returns false then, and the caller skips the action.
 */
export async function markActionRunning(key: TRunKey, startedAt: Date): Promise<boolean> {
  const rows = await sql<{ id: string }>({
    name: "trigger-action-run-start",
    text: MARK_RUNNING,
    values: [key.companyId, key.executionId, key.eventId, key.triggerId, key.actionIndex, key.type, utc(startedAt)],
  });
  return rows.length === 1;
}
