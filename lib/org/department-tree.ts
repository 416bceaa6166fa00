// Pure rules of the department tree: building it, and which moves keep it a tree.

export type DepartmentNode = { id: string; name: string; parentId: string | null };
export type DepartmentTree<T extends DepartmentNode> = T & { children: DepartmentTree<T>[]; depth: number };

/** Nests flat rows into a tree sorted by name; rows whose parent is missing become roots. */
export function buildTree<T extends DepartmentNode>(rows: readonly T[]): DepartmentTree<T>[] {
  const byId = new Map<string, DepartmentTree<T>>(rows.map((row) => [row.id, { ...row, children: [], depth: 0 }]));
  const roots: DepartmentTree<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sortAndDepth = (nodes: DepartmentTree<T>[], depth: number) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name));
    for (const node of nodes) {
      node.depth = depth;
      sortAndDepth(node.children, depth + 1);
    }
  };
  sortAndDepth(roots, 0);
  return roots;
}

/** Depth-first list of a tree, for selects and lists that show nesting by indentation. */
export function flattenTree<T extends DepartmentNode>(roots: DepartmentTree<T>[]): DepartmentTree<T>[] {
  return roots.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** Ids of every department below `id`. */
export function descendantIds(rows: readonly DepartmentNode[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const row of rows) if (row.parentId) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id]);
  const found = new Set<string>();
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (found.has(next)) continue; // tolerate a corrupt cycle rather than loop forever
    found.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return found;
}

/** Why moving `id` under `newParentId` is not allowed, or null when it is. */
export function moveProblem(rows: readonly DepartmentNode[], id: string, newParentId: string | null): string | null {
  if (newParentId === null) return null;
  if (newParentId === id) return "A department cannot be its own parent.";
  if (!rows.some((row) => row.id === newParentId)) return "The new parent department does not exist.";
  if (descendantIds(rows, id).has(newParentId)) {
    const name = rows.find((row) => row.id === newParentId)?.name ?? "that department";
    return `Cannot move a department under its own sub-department (${name}).`;
  }
  return null;
}
