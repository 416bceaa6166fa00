// What the read-only canvas shows about a selected level or branch: its settings in words, the same
// words the version diff uses (levelSettings), keyed by canvas node/edge id. Pure and client-safe.
import { levelSettings, type DiffLabels } from "@/lib/flows/editor/diff";
import { conditionInWords, type CanvasGraph } from "./graph";

export type ElementDetails = { title: string; rows: { property: string; value: string }[] };

const TARGET_WORDS = { start: "Start", complete: "Completed", reject: "Rejected" } as const;

/** Settings in words of every level node and branch edge of `graph`; `fieldLabels` name form fields in conditions. */
export function describeGraph(graph: CanvasGraph, labels: DiffLabels, fieldLabels: Readonly<Record<string, string>> = {}): Record<string, ElementDetails> {
  const name = new Map(graph.nodes.map((node) => [node.id, node.kind === "level" ? node.level.name : TARGET_WORDS[node.kind]]));
  const details: Record<string, ElementDetails> = {};
  for (const node of graph.nodes) {
    if (node.kind !== "level") continue;
    const settings = levelSettings(node.level, node.level.order, labels);
    const { position, ...rest } = settings;
    details[node.id] = { title: `Level ${position}: ${node.level.name || "(no name)"}`, rows: Object.entries(rest).map(([property, value]) => ({ property, value })) };
  }
  for (const edge of graph.edges) {
    if (edge.kind !== "branch") continue;
    const { branch } = edge;
    const rows = [
      { property: "from", value: name.get(edge.source) ?? "?" },
      { property: "to", value: name.get(edge.target) ?? "?" },
      { property: "when", value: branch.isDefault ? "otherwise (the default)" : conditionInWords(branch.condition, fieldLabels) || "(no condition)" },
      ...(branch.isDefault || !branch.condition ? [] : [{ property: "expression", value: branch.condition }]),
      { property: "priority", value: String(branch.priority) },
      { property: "name", value: branch.name.trim() || "—" },
    ];
    details[edge.id] = { title: `Branch from ${name.get(edge.source) ?? "?"}`, rows };
  }
  return details;
}
