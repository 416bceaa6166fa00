import { cn } from "@/components/ui/cn";

const STYLES: Record<string, string> = {
  PUBLISHED: "bg-green-50 text-green-700 ring-green-600/20",
  DRAFT: "bg-amber-50 text-amber-800 ring-amber-600/20",
  ARCHIVED: "bg-slate-100 text-slate-600 ring-slate-500/20",
};

/** A dataset's lifecycle state as a small label. */
export function DatasetStatusBadge({ status }: { status: string }) {
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", STYLES[status] ?? STYLES.DRAFT)}>{status.charAt(0) + status.slice(1).toLowerCase()}</span>;
}
