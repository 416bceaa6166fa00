// How the canvas marks a version diff: green added, red dashed removed, amber changed — in colour and
// in words (a badge on the node, the status in its accessible name), never by colour alone.
import type { DiffStatus } from "@/lib/flows/canvas/diff-graph";

export const DIFF_WORDS: Record<DiffStatus, string> = { added: "Added", removed: "Removed", changed: "Changed", unchanged: "Unchanged" };

export const DIFF_COLORS: Record<Exclude<DiffStatus, "unchanged">, string> = { added: "#16a34a", removed: "#dc2626", changed: "#d97706" };

export const DIFF_NODE_CLASS: Record<DiffStatus, string> = {
  added: "border-green-600 bg-green-50 ring-2 ring-green-500",
  removed: "border-2 border-dashed border-red-500 bg-red-50 opacity-90",
  changed: "border-amber-500 bg-amber-50 ring-2 ring-amber-400",
  unchanged: "",
};

export const DIFF_BADGE_CLASS: Record<DiffStatus, string> = {
  added: "bg-green-600 text-white",
  removed: "bg-red-600 text-white",
  changed: "bg-amber-500 text-white",
  unchanged: "",
};

export const DIFF_LABEL_CLASS: Record<DiffStatus, string> = {
  added: "border-green-500 bg-green-50 text-green-900",
  removed: "border-dashed border-red-400 bg-red-50 text-red-900 line-through",
  changed: "border-amber-500 bg-amber-50 text-amber-900",
  unchanged: "",
};
