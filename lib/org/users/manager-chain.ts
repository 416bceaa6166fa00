// Pure rule: a manager change must not create a loop in the reporting line (A manages B manages A).

/**
 * The reporting loop that giving `userId` the manager `managerId` would create, as the ids from the
 * new manager up to `userId` (e.g. [B, C, A] when B reports to C who reports to A), or null when
 * there is none. `managerOf` maps each person to their current manager (or null). Tolerates loops
 * that already exist in the data and stops on them.
 */
export function managerLoop(managerOf: ReadonlyMap<string, string | null>, userId: string, managerId: string | null): string[] | null {
  if (!managerId) return null;
  const path: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = managerId;
  while (current && !seen.has(current)) {
    path.push(current);
    if (current === userId) return path;
    seen.add(current);
    current = managerOf.get(current);
  }
  return null;
}
