import "server-only";
import { ensureJobQueue, FLOW_MAIL_TASK, FLOW_TIMER_TASK } from "@/lib/jobs/queue";
import type { WritePlan } from "./plan";
import { sql } from "./sql";

// One transition = ONE statement (data-modifying CTEs, one round trip; README "Performance": round
// trips, not fsync, dominate here). The anchor is either the compare-and-set UPDATE of the instance
// (`… WHERE id AND companyId AND version = seen`) or, for a start, the INSERT with ON CONFLICT on the
// idempotency key. Every other part selects FROM the anchor, so when the anchor writes no row (a
// concurrent decision won, or the key was taken) nothing at all is written. A single statement is
// atomic on its own: history, assignments, submissions, outbox, notifications, timer and mail jobs
// and the audit entry commit together or not at all.
//
// Only the parts a transition has rows for are put in the statement (measured: every part costs
// even when empty — its tables are opened and locked). Each combination is a named statement,
// prepared once per connection; in practice a handful of combinations occur.

type Part = "closes" | "opens" | "executions" | "outbox" | "notifications" | "timers" | "audit";
const PARTS: readonly Part[] = ["closes", "opens", "executions", "outbox", "notifications", "timers", "audit"];

// $1 id, $2 company, $3 version seen (0 for a start), $4 new version, $5 state, $6 data, $7 status,
// $8 current level, $9 completed at, $10 history rows; start only: $11 flow, $12 version, $13
// initiator, $14 idempotency key, $15 started at. Each part's rows follow as the next parameter.
const INSTANCE_UPDATE = `
  UPDATE flow_instances SET version = $4, state = $5::jsonb, data = $6::jsonb, status = $7::"FlowInstanceStatus",
    "currentLevelId" = $8::uuid, "completedAt" = $9::timestamptz, "updatedAt" = now()
  WHERE id = $1::uuid AND "companyId" = $2::uuid AND version = $3
  RETURNING id, "companyId"`;

const INSTANCE_INSERT = `
  INSERT INTO flow_instances (id, "companyId", "flowId", "flowVersionId", version, state, data, status, "currentLevelId",
    "completedAt", "initiatorId", "idempotencyKey", "startedAt", "updatedAt")
  SELECT $1::uuid, $2::uuid, $11::uuid, $12::uuid, $4, $5::jsonb, $6::jsonb, $7::"FlowInstanceStatus", $8::uuid,
    $9::timestamptz, $13::uuid, $14, $15::timestamptz, now()
  WHERE $3::int = 0 -- a new instance has no version yet; the update uses $3 as the version seen
  ON CONFLICT ("companyId", "idempotencyKey") DO NOTHING
  RETURNING id, "companyId"`;

const HISTORY = `
hist AS (
  INSERT INTO flow_instance_events ("companyId", "instanceId", seq, action, "actorId", "fromLevelId", "toLevelId", comment, data, "createdAt")
  SELECT a."companyId", a.id, h.seq, h.action::"InstanceAction", h."actorId", h."fromLevelId", h."toLevelId", h.comment, h.data, h."createdAt"
  FROM anchor a, jsonb_to_recordset($10::jsonb) AS h(seq int, action text, "actorId" uuid, "fromLevelId" uuid, "toLevelId" uuid, comment text, data jsonb, "createdAt" timestamptz)
  RETURNING 1
)`;

const PART_SQL: Record<Part, (p: string) => string> = {
  closes: (p) => `
closed AS (
  UPDATE assignments s SET status = c.status::"AssignmentStatus", "decidedById" = c."decidedById", decision = c.decision, "completedAt" = c."completedAt"
  FROM anchor a, jsonb_to_recordset(${p}::jsonb) AS c("levelId" uuid, visit int, status text, "decidedById" uuid, decision text, principals text[], "completedAt" timestamptz)
  WHERE s."instanceId" = a.id AND s."levelId" = c."levelId" AND s.visit = c.visit AND s.status = 'OPEN'
    AND (c.principals IS NULL OR s.principal = ANY(c.principals))
  RETURNING 1
)`,
  opens: (p) => `
opened AS (
  INSERT INTO assignments ("companyId", "instanceId", "levelId", visit, principal, status, "decidedById", decision, "dueAt", "createdAt", "completedAt")
  SELECT a."companyId", a.id, o."levelId", o.visit, o.principal, o.status::"AssignmentStatus", o."decidedById", o.decision, o."dueAt", o."createdAt", o."completedAt"
  FROM anchor a, jsonb_to_recordset(${p}::jsonb) AS o("levelId" uuid, visit int, principal text, status text, "decidedById" uuid, decision text, "dueAt" timestamptz, "createdAt" timestamptz, "completedAt" timestamptz)
  RETURNING 1
)`,
  executions: (p) => `
executions AS (
  INSERT INTO task_executions ("companyId", "taskId", "taskVersionId", data, "executorId", "flowInstanceId", "levelId", status, "completedAt", "createdAt")
  SELECT a."companyId", x."taskId", x."taskVersionId", x.data, x."executorId", a.id, x."levelId", 'COMPLETED', x.at, x.at
  FROM anchor a, jsonb_to_recordset(${p}::jsonb) AS x("taskId" uuid, "taskVersionId" uuid, "levelId" uuid, data jsonb, "executorId" uuid, at timestamptz)
  RETURNING 1
)`,
  outbox: (p) => `
outbox AS (
  INSERT INTO outbox_events ("companyId", type, entity, "entityId", payload, "dedupeKey", "createdAt", "causationId", depth)
  SELECT a."companyId", e.type::"EventType", 'FlowInstance', a.id::text, e.payload, e."dedupeKey", e.at, e."causationId", coalesce(e.depth, 0)
  FROM anchor a, jsonb_to_recordset(${p}::jsonb) AS e(type text, payload jsonb, "dedupeKey" text, at timestamptz, "causationId" uuid, depth int)
  ON CONFLICT ("companyId", "dedupeKey") DO NOTHING
  RETURNING 1
)`,
  // Principals resolve to the company's active users: u: directly, r: through user_roles, d: by department.
  notifications: (p) => `
recipients AS (
  SELECT DISTINCT ON (n.idx, u.id) n.idx, u.id AS "userId", u.email, trim(u."firstName" || ' ' || u."lastName") AS name, n.type, n.title, n.body, n.link, n.data
  FROM anchor a
  CROSS JOIN jsonb_to_recordset(${p}::jsonb) AS n(idx int, type text, title text, body text, link text, data jsonb, "actorId" uuid, "userIds" uuid[], "roleIds" uuid[], "departmentIds" uuid[])
  CROSS JOIN LATERAL (
    SELECT unnest(n."userIds") AS id
    UNION SELECT ur."userId" FROM user_roles ur WHERE ur."companyId" = a."companyId" AND ur."roleId" = ANY(n."roleIds")
    UNION SELECT d.id FROM users d WHERE d."companyId" = a."companyId" AND d."departmentId" = ANY(n."departmentIds")
  ) r
  JOIN users u ON u.id = r.id AND u."companyId" = a."companyId" AND u."isActive"
  WHERE n."actorId" IS NULL OR u.id <> n."actorId"
),
notified AS (
  INSERT INTO notifications ("companyId", "userId", type, title, body, link, data)
  SELECT a."companyId", r."userId", r.type, r.title, r.body, r.link, r.data FROM anchor a, recipients r
  RETURNING 1
),
-- One mail job per recipient, committed with the decision: a crash right after the commit cannot
-- lose the email, and a retry resends only that one person's mail.
mail_jobs AS (
  SELECT (graphile_worker.add_job('${FLOW_MAIL_TASK}',
      json_build_object('companyId', a."companyId", 'userId', r."userId", 'email', r.email, 'name', r.name, 'title', r.title, 'body', r.body, 'link', r.link),
      max_attempts := 5)).id
  FROM anchor a, recipients r
)`,
  // A SELECT in a WITH runs only when referenced: the final SELECT counts it.
  timers: (p) => `
jobs AS (
  SELECT (graphile_worker.add_job('${FLOW_TIMER_TASK}',
      json_build_object('companyId', a."companyId", 'instanceId', a.id, 'levelId', t."levelId", 'visit', t.visit, 'kind', t.kind),
      run_at := t.at, job_key := t."jobKey", max_attempts := 10)).id
  FROM anchor a, jsonb_to_recordset(${p}::jsonb) AS t(kind text, "levelId" uuid, visit int, at timestamptz, "jobKey" text)
)`,
  audit: (p) => `
audit AS (
  INSERT INTO audit_logs ("companyId", "actorType", "actorId", action, entity, "entityId", metadata, "ipAddress", "userAgent")
  SELECT a."companyId", l."actorType"::"ActorType", l."actorId", l.action, 'FlowInstance', a.id::text, l.metadata, l."ipAddress", l."userAgent"
  FROM anchor a, jsonb_to_recordset(${p}::jsonb) AS l(action text, "actorId" uuid, "actorType" text, metadata jsonb, "ipAddress" text, "userAgent" text)
  RETURNING 1
)`,
};

const statements = new Map<string, { name: string; text: string }>();

/** The statement for an anchor and a set of parts (built once per combination). */
function statementFor(kind: "update" | "insert", parts: readonly Part[]): { name: string; text: string } {
  const key = `${kind}:${parts.join(",")}`;
  let statement = statements.get(key);
  if (!statement) {
    const first = kind === "insert" ? 16 : 11;
    const ctes = [HISTORY, ...parts.map((part, index) => PART_SQL[part](`$${first + index}`))];
    const jobs = parts.includes("timers") ? `(SELECT count(*) FROM jobs)::int` : `0`;
    // A SELECT in a WITH runs only when referenced: the final SELECT counts the mail jobs.
    const mails = parts.includes("notifications") ? `(SELECT count(*) FROM mail_jobs)::int` : `0`;
    const mask = PARTS.reduce((bits, part, index) => (parts.includes(part) ? bits | (1 << index) : bits), 0);
    statement = {
      name: `flow_transition_${kind}_${mask}_v4`,
      text: `WITH anchor AS (${kind === "insert" ? INSTANCE_INSERT : INSTANCE_UPDATE}),${ctes.join(",")}\nSELECT a.id, ${jobs} AS jobs, ${mails} AS mails FROM anchor a`,
    };
    statements.set(key, statement);
  }
  return statement;
}

/** `mails`: how many mail jobs the transition enqueued (one per notified person). */
export type Applied = { applied: true; mails: number } | { applied: false };

const json = (value: unknown) => JSON.stringify(value);

function partsOf(plan: WritePlan): { parts: Part[]; values: string[] } {
  const parts = PARTS.filter((part) => plan[part].length > 0);
  return { parts, values: parts.map((part) => json(plan[part])) };
}

function headValues(instanceId: string, companyId: string, seenVersion: number, plan: WritePlan): unknown[] {
  const { instance } = plan;
  return [instanceId, companyId, seenVersion, instance.version, json(instance.state), json(instance.data), instance.status, instance.currentLevelId, instance.completedAt, json(plan.history)];
}

type Row = { id: string; jobs: number; mails: number };

/** Applies a transition with compare-and-set on `seenVersion`; `applied: false` when another one won. */
export async function applyTransition(input: { instanceId: string; companyId: string; seenVersion: number; plan: WritePlan }): Promise<Applied> {
  const { parts, values } = partsOf(input.plan);
  if (parts.includes("timers") || parts.includes("notifications")) await ensureJobQueue();
  const rows = await sql<Row>({ ...statementFor("update", parts), values: [...headValues(input.instanceId, input.companyId, input.seenVersion, input.plan), ...values] });
  return rows.length === 1 ? { applied: true, mails: rows[0].mails } : { applied: false };
}

export type NewInstance = { flowId: string; flowVersionId: string; initiatorId: string; idempotencyKey: string | null; startedAt: string };

/** Inserts a started instance with its first transitions; `applied: false` when the idempotency key was taken. */
export async function insertInstance(input: { instanceId: string; companyId: string; plan: WritePlan; instance: NewInstance }): Promise<Applied> {
  const { parts, values } = partsOf(input.plan);
  if (parts.includes("timers") || parts.includes("notifications")) await ensureJobQueue();
  const { flowId, flowVersionId, initiatorId, idempotencyKey, startedAt } = input.instance;
  const head = [...headValues(input.instanceId, input.companyId, 0, input.plan), flowId, flowVersionId, initiatorId, idempotencyKey, startedAt];
  const rows = await sql<Row>({ ...statementFor("insert", parts), values: [...head, ...values] });
  return rows.length === 1 ? { applied: true, mails: rows[0].mails } : { applied: false };
}
