// Copy and paste of a canvas selection: the selected levels and the branches among them (or from
// them to an end) are copied; pasting gives them new ids, puts them after the last level, renames
// them "… (copy)" and places them offset from the originals. Pure and client-safe.
import type { TFlowBranch, TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";
import { newId } from "@/lib/flows/editor/new-id";
import type { TPoint } from "./layout";

export type Clip = { levels: TFlowLevel[]; branches: TFlowBranch[]; positions: Record<string, TPoint> };

/** The selected levels (in order), the branches among them, and where they are drawn. */
export function copySelection(definition: TFlowDefinition, levelIds: Iterable<string>, positions: Readonly<Record<string, TPoint>>): Clip | null {
  const ids = new Set(levelIds);
  const levels = definition.levels.filter((level) => ids.has(level.id)).sort((a, b) => a.order - b.order);
  if (levels.length === 0) return null;
  const branches = definition.branches.filter((branch) => ids.has(branch.fromLevelId) && (branch.toLevelId === null || ids.has(branch.toLevelId)));
  return { levels, branches, positions: Object.fromEntries(levels.flatMap((level) => (positions[level.id] ? [[level.id, positions[level.id]!]] : []))) };
}

export const PASTE_OFFSET: TPoint = { x: 40, y: 40 };

/** Adds a copy of `clip` to the definition; returns it, the new levels' positions and their ids. */
export function pasteClip(definition: TFlowDefinition, clip: Clip, offset: TPoint = PASTE_OFFSET): { definition: TFlowDefinition; positions: Record<string, TPoint>; levelIds: string[] } {
  const ids = new Map(clip.levels.map((level) => [level.id, newId()]));
  const last = Math.max(0, ...definition.levels.map((level) => level.order));
  const levels = clip.levels.map((level, index) => ({ ...level, id: ids.get(level.id)!, order: last + index + 1, name: `${level.name} (copy)`.slice(0, 200) }));
  const branches = clip.branches.map((branch) => ({ ...branch, id: newId(), fromLevelId: ids.get(branch.fromLevelId)!, toLevelId: branch.toLevelId === null ? null : ids.get(branch.toLevelId)! }));
  const positions: Record<string, TPoint> = {};
  for (const [oldId, at] of Object.entries(clip.positions)) positions[ids.get(oldId)!] = { x: at.x + offset.x, y: at.y + offset.y };
  return { definition: { ...definition, levels: [...definition.levels, ...levels], branches: [...definition.branches, ...branches] }, positions, levelIds: levels.map((level) => level.id) };
}
