import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { resolvePositions } from "./canvas/auto-layout";
import { canvasNodeIds } from "./canvas/graph";
import { readLayout, type TPoint } from "./canvas/layout";
import { toFlowDefinition, type TFlowDefinition } from "./definition";
import { levelSelect } from "./runner/definitions";

// A version of a flow as the read-only canvas draws it (any state: published, draft, archived).

export type VersionCanvas = { number: number; state: string; definition: TFlowDefinition; positions: Record<string, TPoint> };

/** One version (by number) with every node placed: its saved layout, dagre for the rest. Unknown and foreign: NOT_FOUND. */
export async function getVersionCanvas(companyId: string, flowId: string, number: number): Promise<VersionCanvas> {
  if (!isUuid(flowId) || !Number.isSafeInteger(number)) throw new AppError("NOT_FOUND", "Version not found.");
  const version = await db.flowVersion.findFirst({ where: { flowId, companyId, number }, select: { id: true, number: true, state: true, layout: true, levels: levelSelect } });
  if (!version) throw new AppError("NOT_FOUND", "Version not found.");
  const mapped = toFlowDefinition(version);
  if (!mapped.ok) throw new Error(`Flow version ${version.id} cannot be read: ${mapped.problems[0]?.message}`);
  const layout = readLayout(version.layout, canvasNodeIds(mapped.definition));
  return { number: version.number, state: version.state, definition: mapped.definition, positions: resolvePositions(mapped.definition, layout) };
}
