import { cn } from "@/components/ui/cn";
import { STATUS_STYLES, statusLabel } from "@/lib/triggers/labels";

export function ExecutionStatusBadge({ status }: { status: string }) {
  return <span className={cn("inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium", STATUS_STYLES[status] ?? "bg-slate-100")}>{statusLabel(status)}</span>;
}
