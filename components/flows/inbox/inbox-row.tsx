"use client";

import Link from "next/link";
import type { Ref } from "react";
import { cn } from "@/components/ui/cn";
import { formatAge, formatDue, formatKeyValue, instanceReference, type InboxItemJson } from "@/lib/flows/inbox-view";

type Props = {
  item: InboxItemJson;
  now: Date;
  focused: boolean;
  selected: boolean;
  rowRef: Ref<HTMLDivElement>;
  onFocusRow: () => void;
  onToggle: () => void;
  onApprove: () => void;
  onReject: () => void;
};

const ACTION_BUTTON = "rounded-md border px-2.5 py-1 text-xs font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand";

/** One request waiting for the user: what, from whom, where, how long, and the first few values. */
export function InboxRow({ item, now, focused, selected, rowRef, onFocusRow, onToggle, onApprove, onReject }: Props) {
  const reference = instanceReference(item.instanceId);
  const due = formatDue(item.dueAt, now);
  return (
    <div
      ref={rowRef}
      role="row"
      id={`inbox-row-${item.instanceId}`}
      aria-selected={focused}
      tabIndex={focused ? 0 : -1}
      data-testid="inbox-row"
      onClick={onFocusRow}
      onFocus={onFocusRow}
      className={cn(
        "flex flex-wrap items-start gap-x-4 gap-y-2 border-b border-slate-100 px-4 py-3 outline-none last:border-b-0",
        focused ? "relative z-10 bg-blue-50/70 ring-2 ring-inset ring-brand" : "hover:bg-slate-50",
        selected && !focused ? "bg-blue-50/40" : null,
      )}
    >
      <div role="gridcell" className="pt-0.5">
        <input
          type="checkbox"
          checked={selected}
          onChange={onToggle}
          onClick={(event) => event.stopPropagation()}
          aria-label={`Select ${reference}`}
          className="h-4 w-4 rounded border-slate-300 accent-[var(--brand)]"
        />
      </div>
      <div role="gridcell" className="min-w-0 flex-1 basis-64">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <Link href={`/instances/${item.instanceId}`} className="font-medium text-slate-900 hover:underline" tabIndex={focused ? 0 : -1}>
            {item.flow.name}
          </Link>
          <span className="font-mono text-xs text-slate-500">{reference}</span>
        </p>
        <p className="mt-0.5 text-sm text-slate-600">
          from <span className="font-medium text-slate-800">{item.initiator.name}</span> · at <span className="text-slate-800">{item.level.name}</span> · waiting{" "}
          <time dateTime={item.waitingSince} title={new Date(item.waitingSince).toLocaleString()}>
            {formatAge(item.waitingSince, now)}
          </time>
        </p>
        {item.keyFields.length > 0 ? (
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-sm">
            {item.keyFields.map((field) => (
              <div key={field.key} className="flex gap-1">
                <dt className="text-slate-500">{field.label}:</dt>
                <dd className="text-slate-900">{formatKeyValue(field.value)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
      <div role="gridcell" className="flex items-center gap-3 sm:flex-col sm:items-end">
        {due ? (
          <span className={cn("whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium", due.overdue ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700")}>
            <time dateTime={item.dueAt!} title={new Date(item.dueAt!).toLocaleString()}>
              {due.label}
            </time>
          </span>
        ) : (
          <span className="text-xs text-slate-400">no due time</span>
        )}
        <div className="flex gap-2">
          <button type="button" tabIndex={focused ? 0 : -1} className={cn(ACTION_BUTTON, "border-slate-300 bg-white text-slate-800 hover:bg-slate-50")} onClick={(event) => (event.stopPropagation(), onApprove())} aria-label={`Approve ${reference}`}>
            Approve
          </button>
          <button type="button" tabIndex={focused ? 0 : -1} className={cn(ACTION_BUTTON, "border-red-200 bg-white text-red-700 hover:bg-red-50")} onClick={(event) => (event.stopPropagation(), onReject())} aria-label={`Reject ${reference}`}>
            Reject
          </button>
        </div>
      </div>
    </div>
  );
}
