"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { cn } from "@/components/ui/cn";
import { SHELL_POLL_MS, useShellCounts } from "@/components/shell/use-shell-counts";
import type { ActionResult } from "@/lib/action";
import { formatAge } from "@/lib/flows/inbox-view";
import { fetchJson } from "@/lib/http/fetch-json";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { notificationKeys, shellCountKeys } from "@/lib/notifications/keys";
import type { NotificationItem } from "@/lib/notifications/queries";
import type { ShellCounts } from "@/lib/shell/counts";

type NotificationJson = Omit<NotificationItem, "readAt" | "createdAt"> & { readAt: string | null; createdAt: string };
type NotificationsJson = { data: NotificationJson[]; unread: number };

const LIMIT = 20;

/** Unwraps a server action's result for react-query: a refusal becomes the mutation's error. */
async function unwrap<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/** The header's bell: unread count, and a popover of recent notifications to open or mark read. */
export function NotificationsBell({ counts }: { counts: ShellCounts }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const queryClient = useQueryClient();
  const { data: live } = useShellCounts(counts);
  const unread = live.unreadNotifications;
  const list = useQuery({
    queryKey: notificationKeys.list(LIMIT),
    queryFn: ({ signal }) => fetchJson<NotificationsJson>(`/api/v1/notifications?limit=${LIMIT}`, { signal }),
    enabled: open,
    refetchInterval: open ? SHELL_POLL_MS : false,
  });

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  // Escape closes and gives the focus back; a click outside closes; opening focuses the panel.
  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  // Read state changes show at once; the server's answer then replaces the guess.
  const markLocally = (ids: "all" | string[]) => {
    const at = new Date().toISOString();
    let changed = 0;
    queryClient.setQueryData<NotificationsJson>(notificationKeys.list(LIMIT), (old) =>
      old
        ? {
            ...old,
            data: old.data.map((item) => {
              if (item.readAt || (ids !== "all" && !ids.includes(item.id))) return item;
              changed += 1;
              return { ...item, readAt: at };
            }),
          }
        : old,
    );
    queryClient.setQueryData<ShellCounts>(shellCountKeys.all, (old) => (old ? { ...old, unreadNotifications: ids === "all" ? 0 : Math.max(0, old.unreadNotifications - changed) } : old));
  };
  const settle = () => Promise.all([queryClient.invalidateQueries({ queryKey: notificationKeys.all }), queryClient.invalidateQueries({ queryKey: shellCountKeys.all })]);
  const markOne = useMutation({
    mutationFn: (id: string) => unwrap(markNotificationReadAction({ id })),
    onMutate: (id) => markLocally([id]),
    onError: (error) => toast.error(error.message),
    onSettled: settle,
  });
  const markAll = useMutation({
    mutationFn: () => unwrap(markAllNotificationsReadAction({})),
    onMutate: () => markLocally("all"),
    onSuccess: () => toast.success("All notifications marked read"),
    onError: (error) => toast.error(error.message),
    onSettled: settle,
  });

  const items = list.data?.data ?? [];
  const now = new Date();
  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span aria-hidden="true" data-testid="bell-badge" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Notifications"
          tabIndex={-1}
          className="fixed inset-x-3 top-16 z-40 rounded-lg border border-slate-200 bg-white shadow-lg focus:outline-none sm:absolute sm:inset-x-auto sm:right-0 sm:top-12 sm:w-96"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-3">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <button
              type="button"
              className="text-sm font-medium text-brand hover:underline disabled:cursor-not-allowed disabled:text-slate-400 disabled:no-underline"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              Mark all read
            </button>
          </div>
          <div aria-live="polite" aria-busy={list.isPending} className="max-h-[28rem] overflow-y-auto">
            {list.isPending ? <p className="px-4 py-6 text-center text-sm text-slate-500">Loading…</p> : null}
            {list.isError ? <p className="px-4 py-6 text-center text-sm text-red-700">Could not load notifications: {list.error.message}</p> : null}
            {list.isSuccess && items.length === 0 ? (
              <div className="px-4 py-8 text-center text-sm text-slate-500">
                <p className="font-medium text-slate-700">No notifications</p>
                <p className="mt-1">You will hear here when a request waits for you or one of yours is decided.</p>
              </div>
            ) : null}
            {items.length > 0 ? (
              <ul className="divide-y divide-slate-100">
                {items.map((item) => (
                  <li key={item.id} className={cn("flex gap-3 px-4 py-3", item.readAt ? "bg-white" : "bg-blue-50/60")}>
                    <span aria-hidden="true" className={cn("mt-1.5 h-2 w-2 shrink-0 rounded-full", item.readAt ? "bg-transparent" : "bg-brand")} />
                    <div className="min-w-0 flex-1">
                      {item.link ? (
                        <Link
                          href={item.link}
                          className="text-sm font-medium text-slate-900 hover:underline"
                          onClick={() => {
                            if (!item.readAt) markOne.mutate(item.id);
                            close(false);
                          }}
                        >
                          {item.title}
                        </Link>
                      ) : (
                        <p className="text-sm font-medium text-slate-900">{item.title}</p>
                      )}
                      {item.body ? <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{item.body}</p> : null}
                      <p className="mt-1 text-xs text-slate-500">
                        <time dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
                          {formatAge(item.createdAt, now) === "just now" ? "just now" : `${formatAge(item.createdAt, now)} ago`}
                        </time>
                        {item.readAt ? null : <span className="sr-only"> · unread</span>}
                      </p>
                    </div>
                    {item.readAt ? null : (
                      <button type="button" className="self-start text-xs font-medium text-slate-600 hover:text-slate-900 hover:underline" onClick={() => markOne.mutate(item.id)} aria-label={`Mark read: ${item.title}`}>
                        Mark read
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
