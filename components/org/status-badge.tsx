import { cn } from "@/components/ui/cn";

const STYLES = {
  active: "bg-green-50 text-green-700 ring-green-600/20",
  deactivated: "bg-slate-100 text-slate-600 ring-slate-500/20",
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  expired: "bg-red-50 text-red-700 ring-red-600/20",
} as const;

const LABELS: Record<keyof typeof STYLES, string> = { active: "Active", deactivated: "Deactivated", pending: "Invited", expired: "Expired" };

/** A small coloured label for a person's or an invitation's status. */
export function StatusBadge({ status }: { status: keyof typeof STYLES }) {
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", STYLES[status])}>{LABELS[status]}</span>;
}
