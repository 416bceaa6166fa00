import { formatWhen } from "@/components/org/format";
import type { InstanceDetail } from "@/lib/flows/queries";
import { historyVerb } from "@/lib/flows/view/request-status";

const DOT: Record<string, string> = {
  APPROVED: "bg-green-600",
  COMPLETED: "bg-green-600",
  SUBMITTED: "bg-blue-600",
  STARTED: "bg-blue-600",
  REJECTED: "bg-red-600",
  CANCELLED: "bg-slate-500",
  SENT_BACK: "bg-amber-500",
  CHANGES_REQUESTED: "bg-amber-500",
};

function move(entry: InstanceDetail["history"][number]): string | null {
  const from = entry.fromLevel?.name;
  const to = entry.toLevel?.name;
  if (from && to && from !== to) return `${from} → ${to}`;
  if (from && !to) return `${from} → end`;
  if (!from && to) return `→ ${to}`;
  return from ?? null;
}

/** The instance's history, oldest first: who did what, from which level to which, with comments. */
export function InstanceTimeline({ history }: { history: InstanceDetail["history"] }) {
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5" aria-label="History">
      {history.map((entry) => {
        const where = move(entry);
        return (
          <li key={entry.seq} className="relative">
            <span aria-hidden="true" className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white ${DOT[entry.action] ?? "bg-slate-400"}`} />
            <p className="text-sm text-slate-900">
              <span className="font-medium">{entry.actor?.name ?? "The system"}</span> {historyVerb(entry.action)}
              {entry.selfApproved ? (
                <span className="ml-2 inline-flex rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-600/20">Self-approval</span>
              ) : null}
            </p>
            <p className="text-xs text-slate-500">
              {where ? <span>{where} · </span> : null}
              <time dateTime={entry.at.toISOString()}>{formatWhen(entry.at)}</time>
            </p>
            {entry.comment ? <blockquote className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">“{entry.comment}”</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}
