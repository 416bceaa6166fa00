import "server-only";
import { advance } from "@/lib/flows/engine/advance";
import type { AdvanceContext, EngineError, FlowEvent, FlowState, JsonObject } from "@/lib/flows/engine/types";
import type { LoadedVersion } from "./definitions";
import type { LatestChange } from "./errors";
import type { PlannedStep } from "./plan";
import { sql } from "./sql";

// Shared by start, act, reassign and timers: load an instance (by id AND company), run events
// through the engine with the context only the database knows, and resolve principals to users.

export type LoadedInstance = {
  id: string;
  companyId: string;
  flowId: string;
  flowVersionId: string;
  flowName: string;
  version: number;
  state: FlowState;
  initiatorId: string;
  initiatorManagerId: string | null;
  /** The newest history entry: who moved the instance last (for the 409 of a lost race). */
  latest: LatestChange | null;
};

type InstanceRow = Omit<LoadedInstance, "latest"> & { latestAction: string | null; latestActor: string | null; latestAt: Date | null; latestSeq: number | null };

const LOAD_STATEMENT = {
  name: "flow_instance_load_v1",
  text: `
  SELECT i.id, i."companyId", i."flowId", i."flowVersionId", f.name AS "flowName", i.version, i.state, i."initiatorId",
    ini."managerId" AS "initiatorManagerId", last.action AS "latestAction", last.actor AS "latestActor", last."createdAt" AS "latestAt", last.seq AS "latestSeq"
  FROM flow_instances i
  JOIN flows f ON f.id = i."flowId"
  JOIN users ini ON ini.id = i."initiatorId"
  LEFT JOIN LATERAL (
    SELECT e.action, e."createdAt", e.seq, NULLIF(trim(u."firstName" || ' ' || u."lastName"), '') AS actor
    FROM flow_instance_events e LEFT JOIN users u ON u.id = e."actorId"
    WHERE e."instanceId" = i.id ORDER BY e.seq DESC LIMIT 1
  ) last ON true
  WHERE i.id = $1::uuid AND i."companyId" = $2::uuid`,
};

/** The instance with this id in this company, or null (a foreign id and a missing one look the same). */
export async function loadInstance(companyId: string, instanceId: string): Promise<LoadedInstance | null> {
  const [row] = await sql<InstanceRow>({ ...LOAD_STATEMENT, values: [instanceId, companyId] });
  if (!row) return null;
  const { latestAction, latestActor, latestAt, latestSeq, ...instance } = row;
  if (!instance.state || typeof instance.state !== "object" || !("status" in instance.state)) throw new Error(`Instance ${instanceId} has no engine state`);
  return { ...instance, latest: latestAction && latestAt ? { action: latestAction, actorName: latestActor, at: latestAt, version: latestSeq ?? instance.version } : null };
}

/** Active users of the company behind principal keys (`u:`, `r:`, `d:`). */
export async function usersOfPrincipals(companyId: string, principals: readonly string[]): Promise<string[]> {
  const of = (prefix: string) => principals.filter((key) => key.startsWith(prefix)).map((key) => key.slice(2));
  const rows = await sql<{ id: string }>({
    name: "flow_principal_users_v1",
    text: `
    SELECT u.id FROM users u
    WHERE u."companyId" = $1::uuid AND u."isActive" AND (
      u.id = ANY($2::uuid[]) OR u."departmentId" = ANY($4::uuid[])
      OR EXISTS (SELECT 1 FROM user_roles ur WHERE ur."userId" = u.id AND ur."companyId" = $1::uuid AND ur."roleId" = ANY($3::uuid[])))
    ORDER BY u.id`,
    values: [companyId, of("u:"), of("r:"), of("d:")],
  });
  return rows.map((row) => row.id);
}

export type RunResult = { ok: true; steps: PlannedStep[]; state: FlowState; noop: boolean } | { ok: false; error: EngineError; index: number };

function runPure(version: LoadedVersion, state: FlowState, events: readonly FlowEvent[], context: AdvanceContext, submissions: ReadonlyArray<PlannedStep["submissions"]>): RunResult {
  const steps: PlannedStep[] = [];
  let current = state;
  for (const [index, event] of events.entries()) {
    const result = advance(version.definition, current, event, context);
    if (!result.ok) return { ok: false, error: result.error, index };
    if (result.noop) continue;
    steps.push({ state: result.state, effects: result.effects, event, submissions: submissions[index] });
    current = result.state;
  }
  return { ok: true, steps, state: current, noop: steps.length === 0 };
}

/**
 * Runs `events` in order from `state`. An "all assignees" level needs the users its assignees
 * resolve to when it is entered; they are looked up only when a step enters such a level (the pure
 * engine is simply run again with them), so ordinary transitions cost no extra query.
 */
export async function runEvents(input: {
  version: LoadedVersion;
  companyId: string;
  state: FlowState;
  events: readonly FlowEvent[];
  initiatorManagerId: string | null;
  submissions?: ReadonlyArray<PlannedStep["submissions"]>;
}): Promise<RunResult> {
  const { version } = input;
  const context: AdvanceContext = { initiatorManagerId: input.initiatorManagerId, fieldTypes: version.fieldTypes };
  const submissions = input.submissions ?? [];
  const first = runPure(version, input.state, input.events, context, submissions);
  if (!first.ok) return first;
  const eligible: Record<string, string[]> = {};
  for (const step of first.steps) {
    for (const effect of step.effects) {
      if (effect.type !== "open_assignments" || version.levels.get(effect.levelId)?.approvalMode !== "ALL") continue;
      if (step.state.current?.levelId !== effect.levelId || step.state.current.enteredAt !== step.event.at) continue;
      eligible[effect.levelId] = await usersOfPrincipals(input.companyId, effect.principals);
    }
  }
  if (Object.keys(eligible).length === 0) return first;
  return runPure(version, input.state, input.events, { ...context, eligibleUserIds: eligible }, submissions);
}

/** The JSON a client may send as data, narrowed to the engine's type. */
export const asJsonObject = (value: unknown): JsonObject => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : {});
