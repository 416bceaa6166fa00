import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { initialState } from "@/lib/flows/engine/advance";
import { startLevel } from "@/lib/flows/engine/graph";
import type { FlowEvent, JsonObject } from "@/lib/flows/engine/types";
import type { ServiceContext } from "@/lib/service-context";
import type { TransitionResult } from "./act-on-instance";
import { engineActor, resolveActingUser } from "./actor";
import { loadVersion, newestPublishedVersion } from "./definitions";
import { canStartFlow } from "./eligibility";
import { appErrorOf } from "./errors";
import { insertInstance } from "./persist";
import { planWrites } from "./plan";
import { sql } from "./sql";
import { asJsonObject, runEvents } from "./transition";
import { optionViewerOf } from "@/lib/datasets/options";
import { validateLevelSubmission, type ValidatedSubmission } from "./validate";

export type StartInstanceInput = { flowId: string; data?: Record<string, unknown>; idempotencyKey?: string };
export type StartResult = TransitionResult & { created: boolean };

/** The instance a key already started; another user's key is a conflict (never their instance). */
async function existingByKey(companyId: string, key: string, userId: string | null): Promise<StartResult | null> {
  const [row] = await sql<{ id: string; version: number; status: StartResult["status"]; currentLevelId: string | null; levelName: string | null; initiatorId: string }>({
    name: "flow_instance_by_key_v2",
    text: `SELECT i.id, i.version, i.status, i."currentLevelId", l.name AS "levelName", i."initiatorId" FROM flow_instances i LEFT JOIN flow_levels l ON l.id = i."currentLevelId"
           WHERE i."companyId" = $1::uuid AND i."idempotencyKey" = $2`,
    values: [companyId, key],
  });
  if (!row) return null;
  if (row.initiatorId !== userId) throw new AppError("CONFLICT", "This idempotency key was already used by someone else. Use a new one.");
  return { instanceId: row.id, version: row.version, status: row.status, currentLevelId: row.currentLevelId, currentLevelName: row.levelName, created: false };
}

/**
 * Starts an instance of the newest published version of a flow (404 when there is none). When the
 * first level is the initiator's and `data` is given, their submission is validated against its
 * forms and applied in the same statement, so "New request" is one step. With an idempotency key,
 * a repeated start — also a concurrent one — returns the instance the first one created.
 */
export async function startInstance(ctx: ServiceContext, input: StartInstanceInput): Promise<StartResult> {
  const key = input.idempotencyKey?.trim() || null;
  if (key) {
    const existing = await existingByKey(ctx.companyId, key, ctx.actorId);
    if (existing) return existing;
  }
  // Independent reads, in parallel: one round trip of latency instead of two.
  const [user, published] = await Promise.all([resolveActingUser(ctx, { withManager: true }), newestPublishedVersion(ctx.companyId, input.flowId)]);
  const version = published ? await loadVersion(ctx.companyId, published.versionId) : null;
  if (!version) throw new AppError("NOT_FOUND", "Flow not found, or it has no published version.");
  const first = startLevel(version.definition);
  if (!first) throw new Error(`Flow version ${version.flowVersionId} has no levels`);
  const actor = engineActor(user, user.managerId);
  if (!user.permissions.has("instances.create") || !canStartFlow(version.definition, actor.principals)) {
    throw new AppError("FORBIDDEN", "You cannot start this flow.");
  }

  const at = new Date().toISOString();
  const isInitiatorLevel = first.assignees.some((assignee) => assignee.kind === "INITIATOR");
  const hasData = input.data !== undefined && Object.keys(input.data).length > 0;
  let validated: ValidatedSubmission | undefined;
  if (isInitiatorLevel && hasData) {
    validated = await validateLevelSubmission({ companyId: ctx.companyId, viewer: optionViewerOf(ctx), version, levelId: first.id, raw: input.data, previous: {}, now: new Date(at) });
  }
  const attributes: JsonObject = { name: user.name, managerId: user.managerId, systemRole: user.systemRole };
  const events: FlowEvent[] = [
    // Data for a first level that is not the initiator's is initial data (e.g. from the API or a trigger).
    { type: "start", initiator: actor, attributes, ...(hasData && !isInitiatorLevel ? { data: asJsonObject(input.data) } : {}), at },
    ...(validated ? [{ type: "submit", actor, data: validated.data, at } satisfies FlowEvent] : []),
  ];
  const run = await runEvents({ version, companyId: ctx.companyId, state: initialState(), events, initiatorManagerId: user.managerId, submissions: [undefined, validated?.submissions] });
  if (!run.ok) throw appErrorOf(run.error);

  const instanceId = randomUUID();
  const plan = planWrites({
    causation: ctx.causation,
    instanceId,
    flowId: version.flowId,
    flowVersionId: version.flowVersionId,
    flowName: published!.flowName,
    definition: version.definition,
    actorNames: { [user.userId]: user.name },
    steps: run.steps,
  });
  const applied = await insertInstance({
    instanceId,
    companyId: ctx.companyId,
    plan,
    instance: { flowId: version.flowId, flowVersionId: version.flowVersionId, initiatorId: user.userId, idempotencyKey: key, startedAt: at },
  });
  if (!applied.applied) {
    // Another start with the same key committed first: theirs is the instance.
    const winner = key ? await existingByKey(ctx.companyId, key, user.userId) : null;
    if (!winner) throw new Error("Starting the instance wrote nothing and no instance holds its key");
    return winner;
  }
  const state = run.state;
  return { instanceId, version: state.version, status: state.status, currentLevelId: state.currentLevelId, currentLevelName: state.currentLevelId ? (version.levels.get(state.currentLevelId)?.name ?? null) : null, created: true };
}
