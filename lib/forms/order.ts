// Dependency ordering for form fields: a depth-first topological sort that keeps the definition's
// order wherever dependencies allow, reports each cycle it meets and carries on without the edge.

/** `items` with every item after the items `depsOf` names; `onCycle` gets each cycle met (first item repeated last). */
export function orderByDependencies<T>(items: readonly T[], depsOf: (item: T) => readonly T[], onCycle: (cycle: T[]) => void): T[] {
  const state = new Map<T, "visiting" | "done">();
  const ordered: T[] = [];
  const stack: T[] = [];
  // Recursive: depth is bounded by the number of fields (at most a few hundred).
  const visit = (item: T): void => {
    const seen = state.get(item);
    if (seen === "done") return;
    if (seen === "visiting") {
      onCycle([...stack.slice(stack.indexOf(item)), item]);
      return;
    }
    state.set(item, "visiting");
    stack.push(item);
    for (const dep of depsOf(item)) visit(dep);
    stack.pop();
    state.set(item, "done");
    ordered.push(item);
  };
  for (const item of items) visit(item);
  return ordered;
}
