import "server-only";
import type { Principal } from "@/lib/auth/session";
import { MANAGER_SLOT, type Json, type JsonObject } from "@/lib/flows/engine/types";
import { principalsOf, userPrincipal } from "@/lib/flows/principals";
import { loadVersion, type LoadedVersion } from "./definitions";
import { labelled, labelPrincipals, type LabelledPrincipal } from "./principal-labels";
import { sql } from "./sql";

// The inbox: the running instances whose CURRENT level waits for this user — one open assignment
// under one of their principal keys (the partial index x_assignments_inbox, `principal = ANY`), or
// the "manager of the initiator" slot of a report's request — minus what they cannot act on now
// (already approved this visit; their own request where self-approval is refused). Same rules as
// the engine's guard, so the inbox and the buttons agree. One row per instance.

export const INBOX_SORTS = ["newest", "oldest", "due"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
export type InboxQuery = { search?: string; flowId?: string; overdue?: boolean; sort?: InboxSort; page?: number; pageSize?: number };

export type KeyField = { key: string; label: string; value: string | number | boolean };
export type InboxItem = {
  instanceId: string;
  version: number;
  flow: { id: string; name: string };
  level: { id: string; name: string };
  initiator: { id: string; name: string };
  startedAt: Date;
  /** When it arrived in this inbox (the level was entered, or the task was reassigned/escalated). */
  waitingSince: Date;
  dueAt: Date | null;
  isOverdue: boolean;
  keyFields: KeyField[];
  /** The key it is in this inbox under (`r:…`, `d:…`, `u:…`, or "initiator_manager"). */
  via: string;
};
export type Page<T> = { items: T[]; page: number; pageSize: number; hasMore: boolean };

const ORDER: Record<InboxSort, string> = {
  newest: `m."createdAt" DESC, m."instanceId"`,
  oldest: `m."createdAt" ASC, m."instanceId"`,
  due: `m."dueAt" ASC NULLS LAST, m."createdAt" ASC, m."instanceId"`,
};

// $1 company, $2 principal keys, $3 user id. One row per instance first (DISTINCT ON, no joins),
// then the page: sorted, and only then joined with the instance, so a page of 50 reads ≈50 instances
// rather than every candidate (a nested loop under LIMIT stops early). The per-instance rules (the
// instance still at that level, an approval already given — only possible where one approval does
// not end the level —, self-approval) are checked in that join.
const CANDIDATES = `
  candidates AS (
    SELECT a."instanceId", a."levelId", a."createdAt", a."dueAt", a.principal AS via
    FROM assignments a
    WHERE a."companyId" = $1::uuid AND a.status = 'OPEN' AND a.principal = ANY($2::text[])
    UNION ALL
    SELECT i.id, i."currentLevelId", (i.state->'current'->>'enteredAt')::timestamptz, (i.state->'current'->>'dueAt')::timestamptz, 'initiator_manager'
    FROM users r JOIN flow_instances i ON i."companyId" = $1::uuid AND i."initiatorId" = r.id AND i.status = 'IN_PROGRESS'
    WHERE r."companyId" = $1::uuid AND r."managerId" = $3::uuid AND (i.state->'current'->>'managerOpen')::boolean
  ),
  mine AS (
    SELECT DISTINCT ON (c."instanceId") c."instanceId", c."levelId", c."createdAt", c."dueAt", c.via
    FROM candidates c
    ORDER BY c."instanceId", c."createdAt", c.via = 'initiator_manager' -- a stored assignment wins a tie
  )`;

const ACTIONABLE = `
  i."companyId" = $1::uuid AND i.status = 'IN_PROGRESS' AND i."currentLevelId" = m."levelId"
  AND (l."approvalMode" = 'ANY' OR NOT (i.state->'levelDecisions' ? ($3::uuid)::text))
  AND (i."initiatorId" <> $3::uuid OR COALESCE((l.config->>'allowSelfApproval')::boolean, false)
       OR EXISTS (SELECT 1 FROM flow_level_assignees x WHERE x."levelId" = l.id AND x.kind = 'INITIATOR'))`;

// $8 the reference pattern (the search without a leading "#", matched against the instance id the
// UI shows a prefix of), $9 overdue only (the due time of the assignment has passed).
const FILTERS = `
  ($4::uuid IS NULL OR i."flowId" = $4::uuid)
  AND ($5::text IS NULL OR f.name ILIKE $5 OR l.name ILIKE $5 OR (u."firstName" || ' ' || u."lastName") ILIKE $5 OR i.data::text ILIKE $5 OR i.id::text ILIKE $8)
  AND ($9::boolean IS NOT TRUE OR m."dueAt" < now())`;

const pageStatement = (sort: InboxSort) => ({
  name: `flow_inbox_page_${sort}_v3`,
  text: `
  WITH ${CANDIDATES}
  SELECT m."instanceId", i.version, i."flowId", f.name AS "flowName", i."flowVersionId", m."levelId", l.name AS "levelName",
    i."initiatorId", COALESCE(NULLIF(trim(u."firstName" || ' ' || u."lastName"), ''), u.email) AS "initiatorName",
    i."startedAt", m."createdAt" AS "waitingSince", m."dueAt", m.via, i.data
  -- OFFSET 0 keeps the sorted subquery from being flattened: the joins below run in its order, and
  -- the LIMIT stops them after one page (instead of joining every candidate, then sorting).
  FROM (SELECT * FROM mine ORDER BY ${ORDER[sort].replaceAll("m.", "")} OFFSET 0) m
  JOIN flow_levels l ON l.id = m."levelId"
  JOIN flow_instances i ON i.id = m."instanceId"
  JOIN flows f ON f.id = i."flowId"
  JOIN users u ON u.id = i."initiatorId"
  WHERE ${ACTIONABLE} AND ${FILTERS}
  ORDER BY ${ORDER[sort]}
  LIMIT $6 OFFSET $7`,
});

// The badge counts without reading every candidate's instance: open assignments exist only at the
// current level of running instances (the runner closes them in the statement that moves the
// instance on), so only two rules need the instance — an approval already given (only where one
// approval does not end the level) and self-approval (only on the user's own running requests,
// found through the initiator index).
const COUNT_STATEMENT = {
  name: "flow_inbox_count_v3",
  text: `WITH ${CANDIDATES},
  own AS (SELECT id FROM flow_instances WHERE "companyId" = $1::uuid AND "initiatorId" = $3::uuid AND status = 'IN_PROGRESS')
  SELECT count(*)::int AS count FROM mine m JOIN flow_levels l ON l.id = m."levelId"
  WHERE (l."approvalMode" = 'ANY' OR NOT EXISTS (SELECT 1 FROM flow_instances i WHERE i.id = m."instanceId" AND i.state->'levelDecisions' ? ($3::uuid)::text))
    AND (m."instanceId" NOT IN (SELECT id FROM own) OR COALESCE((l.config->>'allowSelfApproval')::boolean, false)
         OR EXISTS (SELECT 1 FROM flow_level_assignees x WHERE x."levelId" = l.id AND x.kind = 'INITIATOR'))`,
};

type InboxRow = {
  instanceId: string;
  version: number;
  flowId: string;
  flowName: string;
  flowVersionId: string;
  levelId: string;
  levelName: string;
  initiatorId: string;
  initiatorName: string;
  startedAt: Date;
  waitingSince: Date;
  dueAt: Date | null;
  via: string;
  data: JsonObject;
};

const isScalar = (value: Json | undefined): value is string | number | boolean => typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** The first three scalar values of an instance's data, in the order its forms define them. */
export function keyFieldsOf(data: JsonObject, version: Pick<LoadedVersion, "keyFields"> | null, limit = 3): KeyField[] {
  const fields: KeyField[] = [];
  const ordered = version?.keyFields ?? Object.keys(data).map((key) => ({ key, label: key }));
  for (const { key, label } of ordered) {
    const value = Object.hasOwn(data, key) ? data[key] : undefined;
    if (isScalar(value)) fields.push({ key, label, value: typeof value === "string" && value.length > 120 ? `${value.slice(0, 119)}…` : value });
    if (fields.length === limit) break;
  }
  return fields;
}

async function versionsOf(companyId: string, ids: readonly string[]): Promise<Map<string, LoadedVersion | null>> {
  const unique = [...new Set(ids)];
  const loaded = await Promise.all(unique.map((id) => loadVersion(companyId, id).catch(() => null)));
  return new Map(unique.map((id, index) => [id, loaded[index]!]));
}

const searchPattern = (search: string | undefined) => (search?.trim() ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null);
/** "#3f2a" finds the instance whose reference (id prefix) the UI shows as #3F2A…. */
const referencePattern = (search: string | undefined) => searchPattern(search?.trim().replace(/^#/, "").toLowerCase());
const clampPage = (query: { page?: number; pageSize?: number }) => ({ page: Math.max(1, Math.floor(query.page ?? 1)), pageSize: Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 50))) });

/** A page of the user's inbox, with flow, level, initiator, age, due time and key fields. */
export async function listInbox(principal: Principal, query: InboxQuery = {}): Promise<Page<InboxItem>> {
  const { page, pageSize } = clampPage(query);
  const rows = await sql<InboxRow>({
    ...pageStatement(query.sort ?? "newest"),
    values: [
      principal.companyId,
      principalsOf(principal),
      principal.userId,
      query.flowId ?? null,
      searchPattern(query.search),
      pageSize + 1,
      (page - 1) * pageSize,
      referencePattern(query.search),
      query.overdue ?? false,
    ],
  });
  const versions = await versionsOf(principal.companyId, rows.map((row) => row.flowVersionId));
  const now = Date.now();
  const items = rows.slice(0, pageSize).map(
    (row): InboxItem => ({
      instanceId: row.instanceId,
      version: row.version,
      flow: { id: row.flowId, name: row.flowName },
      level: { id: row.levelId, name: row.levelName },
      initiator: { id: row.initiatorId, name: row.initiatorName },
      startedAt: row.startedAt,
      waitingSince: row.waitingSince,
      dueAt: row.dueAt,
      isOverdue: row.dueAt !== null && row.dueAt.getTime() < now,
      keyFields: keyFieldsOf(row.data, versions.get(row.flowVersionId) ?? null),
      via: row.via,
    }),
  );
  return { items, page, pageSize, hasMore: rows.length > pageSize };
}

/** How many instances wait for the user (the shell's badge). */
export async function countInbox(principal: Principal): Promise<number> {
  const [row] = await sql<{ count: number }>({ ...COUNT_STATEMENT, values: [principal.companyId, principalsOf(principal), principal.userId] });
  return row?.count ?? 0;
}

export const REQUEST_STATUSES = ["IN_PROGRESS", "COMPLETED", "REJECTED", "CANCELLED", "FAILED"] as const;
/** The statuses, plus CHANGES_REQUESTED: running requests returned to their initiator to edit and resubmit. */
export const REQUEST_FILTERS = [...REQUEST_STATUSES, "CHANGES_REQUESTED"] as const;
export type MyRequestsQuery = { status?: (typeof REQUEST_FILTERS)[number]; search?: string; flowId?: string; page?: number; pageSize?: number };
export type MyRequest = {
  instanceId: string;
  version: number;
  status: (typeof REQUEST_STATUSES)[number];
  /** Running, and back at a level the initiator fills: it waits for them to edit and resubmit. */
  changesRequested: boolean;
  flow: { id: string; name: string };
  currentLevel: { id: string; name: string } | null;
  /** Who the current level waits for (empty once the request has ended). */
  waitingFor: LabelledPrincipal[];
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  keyFields: KeyField[];
};

// A running instance at a level with an INITIATOR assignee was sent back to its initiator: the start
// level is submitted as the request is started, so only "request changes"/"send back" returns there.
const AT_INITIATOR_LEVEL = `(i.status = 'IN_PROGRESS' AND EXISTS (SELECT 1 FROM flow_level_assignees x WHERE x."levelId" = i."currentLevelId" AND x.kind = 'INITIATOR'))`;

const MY_REQUESTS = {
  name: "flow_my_requests_v2",
  text: `
  SELECT i.id AS "instanceId", i.version, i.status, i."flowId", f.name AS "flowName", i."flowVersionId", i."currentLevelId", l.name AS "levelName",
    i."startedAt", i."updatedAt", i."completedAt", i.data, ${AT_INITIATOR_LEVEL} AS "changesRequested",
    ARRAY(SELECT a.principal FROM assignments a WHERE a."instanceId" = i.id AND a."companyId" = $1::uuid AND a.status = 'OPEN' ORDER BY a."createdAt", a.principal) AS "openPrincipals",
    (i.status = 'IN_PROGRESS' AND COALESCE((i.state->'current'->>'managerOpen')::boolean, false)) AS "managerOpen"
  FROM flow_instances i JOIN flows f ON f.id = i."flowId" LEFT JOIN flow_levels l ON l.id = i."currentLevelId"
  WHERE i."companyId" = $1::uuid AND i."initiatorId" = $2::uuid
    AND ($3::text IS NULL OR ($3::text = 'CHANGES_REQUESTED' AND ${AT_INITIATOR_LEVEL}) OR i.status::text = $3::text)
    AND ($4::uuid IS NULL OR i."flowId" = $4::uuid)
    AND ($5::text IS NULL OR f.name ILIKE $5 OR l.name ILIKE $5 OR i.data::text ILIKE $5)
  ORDER BY i."startedAt" DESC, i.id
  LIMIT $6 OFFSET $7`,
};

type MyRequestRow = {
  instanceId: string;
  version: number;
  status: MyRequest["status"];
  flowId: string;
  flowName: string;
  flowVersionId: string;
  currentLevelId: string | null;
  levelName: string | null;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  data: JsonObject;
  changesRequested: boolean;
  openPrincipals: string[];
  managerOpen: boolean;
};

/** The requests the user started, newest first, with status, current level and who it waits for. */
export async function listMyRequests(principal: Principal, query: MyRequestsQuery = {}): Promise<Page<MyRequest>> {
  const { page, pageSize } = clampPage(query);
  const rows = await sql<MyRequestRow>({
    ...MY_REQUESTS,
    values: [principal.companyId, principal.userId, query.status ?? null, query.flowId ?? null, searchPattern(query.search), pageSize + 1, (page - 1) * pageSize],
  });
  const shown = rows.slice(0, pageSize);
  const manager = shown.some((row) => row.managerOpen) ? await managerOf(principal) : null;
  // The manager slot is also stored as the manager's own `u:` key (their inbox reads it): name it once.
  const waitingKeys = (row: MyRequestRow) => (row.managerOpen ? [...row.openPrincipals.filter((key) => key !== (manager && userPrincipal(manager.id))), MANAGER_SLOT] : row.openPrincipals);
  const [versions, labels] = await Promise.all([
    versionsOf(principal.companyId, shown.map((row) => row.flowVersionId)),
    labelPrincipals(principal.companyId, [...new Set(shown.flatMap(waitingKeys))], { managerName: manager?.name ?? null }),
  ]);
  const items = shown.map(
    (row): MyRequest => ({
      instanceId: row.instanceId,
      version: row.version,
      status: row.status,
      changesRequested: row.changesRequested,
      flow: { id: row.flowId, name: row.flowName },
      currentLevel: row.currentLevelId ? { id: row.currentLevelId, name: row.levelName ?? "" } : null,
      waitingFor: row.status === "IN_PROGRESS" ? labelled(waitingKeys(row), labels) : [],
      startedAt: row.startedAt,
      updatedAt: row.updatedAt,
      completedAt: row.completedAt,
      keyFields: keyFieldsOf(row.data, versions.get(row.flowVersionId) ?? null),
    }),
  );
  return { items, page, pageSize, hasMore: rows.length > pageSize };
}

// The "manager of the initiator" slot of the user's own requests is held by their manager.
async function managerOf(principal: Principal): Promise<{ id: string; name: string } | null> {
  const [row] = await sql<{ id: string; name: string }>({
    name: "flow_my_manager_v1",
    text: `SELECT m.id, COALESCE(NULLIF(trim(m."firstName" || ' ' || m."lastName"), ''), m.email) AS name FROM users u JOIN users m ON m.id = u."managerId" AND m."companyId" = u."companyId"
           WHERE u.id = $1::uuid AND u."companyId" = $2::uuid`,
    values: [principal.userId, principal.companyId],
  });
  return row ?? null;
}
