// The static shape of a flow's routes, shared by the engine (where does an instance go next) and the
// publish check (which levels are reachable, which can end, which loops never exit).
import type { TFlowBranch, TFlowDefinition, TFlowLevel } from "../definition";

/** Levels sorted by `order` (a new array). */
export function levelsByOrder(definition: TFlowDefinition): TFlowLevel[] {
  return [...definition.levels].sort((a, b) => a.order - b.order);
}

/** The start level: the lowest order; null for a flow without levels. */
export function startLevel(definition: TFlowDefinition): TFlowLevel | null {
  return levelsByOrder(definition)[0] ?? null;
}

/** The level after `levelId` by order, or null after the last one. */
export function nextLevelByOrder(definition: TFlowDefinition, levelId: string): TFlowLevel | null {
  const ordered = levelsByOrder(definition);
  const index = ordered.findIndex((level) => level.id === levelId);
  return index >= 0 ? (ordered[index + 1] ?? null) : null;
}

/** Branches leaving a level, lowest priority first. */
export function branchesFrom(definition: TFlowDefinition, levelId: string): TFlowBranch[] {
  return definition.branches.filter((branch) => branch.fromLevelId === levelId).sort((a, b) => a.priority - b.priority);
}

export type RouteAnalysis = {
  start: TFlowLevel | null;
  /** Levels each level may route to (branches, and the fall-through when it has no default). */
  successors: Map<string, string[]>;
  /** Levels reachable from the start. */
  reachable: Set<string>;
  /** Levels from which some route reaches an end (COMPLETE, REJECT, or past the last level). */
  canEnd: Set<string>;
  /** Groups of levels that route only among themselves and never end (each sorted by order). */
  closedLoops: string[][];
};

/** Static routes of a definition: every branch condition is assumed to be possibly true or false. */
export function analyseRoutes(definition: TFlowDefinition): RouteAnalysis {
  const ordered = levelsByOrder(definition);
  const successors = new Map<string, string[]>();
  const endsHere = new Set<string>();
  ordered.forEach((level, index) => {
    const out = new Set<string>();
    const branches = branchesFrom(definition, level.id);
    for (const branch of branches) {
      if (branch.target === "LEVEL" && branch.toLevelId !== null) out.add(branch.toLevelId);
      else endsHere.add(level.id);
    }
    if (!branches.some((branch) => branch.isDefault)) {
      const next = ordered[index + 1];
      if (next) out.add(next.id);
      else endsHere.add(level.id);
    }
    successors.set(level.id, [...out]);
  });

  const start = ordered[0] ?? null;
  const reachable = new Set<string>();
  const stack = start ? [start.id] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    stack.push(...(successors.get(id) ?? []));
  }

  const predecessors = new Map<string, string[]>(ordered.map((level) => [level.id, []]));
  for (const [from, targets] of successors) for (const to of targets) predecessors.get(to)?.push(from);
  const canEnd = new Set<string>();
  const backwards = [...endsHere];
  while (backwards.length > 0) {
    const id = backwards.pop()!;
    if (canEnd.has(id)) continue;
    canEnd.add(id);
    backwards.push(...(predecessors.get(id) ?? []));
  }

  return { start, successors, reachable, canEnd, closedLoops: closedLoops(ordered, successors, canEnd) };
}

// Sink strongly connected components among the levels that cannot end (Tarjan). Every level has a way
// out (a branch or the fall-through), so each level that cannot end leads into one of these loops.
function closedLoops(ordered: TFlowLevel[], successors: Map<string, string[]>, canEnd: Set<string>): string[][] {
  const trapped = ordered.filter((level) => !canEnd.has(level.id)).map((level) => level.id);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of successors.get(id) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id)!, index.get(next)!));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      components.push(component);
    }
  };
  for (const id of trapped) if (!index.has(id)) visit(id);
  const rank = new Map(ordered.map((level, i) => [level.id, i]));
  return components
    .filter((component) => {
      const members = new Set(component);
      return component.every((id) => (successors.get(id) ?? []).every((next) => members.has(next)));
    })
    .map((component) => component.sort((a, b) => rank.get(a)! - rank.get(b)!));
}
