import { cn } from "@/components/ui/cn";
import type { InstanceStatus } from "@/lib/flows/engine/types";
import { requestStatus, type StatusTone } from "@/lib/flows/view/request-status";

const TONES: Record<StatusTone, string> = {
  info: "bg-blue-50 text-blue-700 ring-blue-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  success: "bg-green-50 text-green-700 ring-green-600/20",
  danger: "bg-red-50 text-red-700 ring-red-600/20",
  neutral: "bg-slate-100 text-slate-600 ring-slate-500/20",
};

/** A request's status as a small coloured label ("Running", "Changes requested", "Completed"…). */
export function RequestStatusBadge({ status, changesRequested = false, className }: { status: InstanceStatus; changesRequested?: boolean; className?: string }) {
  const view = requestStatus(status, changesRequested);
  return <span className={cn("inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", TONES[view.tone], className)}>{view.label}</span>;
}
