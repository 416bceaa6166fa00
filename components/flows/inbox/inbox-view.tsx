"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DecisionDialog, type DecisionValues } from "@/components/flows/decision-dialog";
import { InboxRow } from "@/components/flows/inbox/inbox-row";
import { ShortcutsHelp } from "@/components/flows/inbox/shortcuts-help";
import { useDecide, useInboxPage } from "@/components/flows/inbox/use-inbox";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { commandForKey, initialCursor, moveCursor, type CursorAction, type InboxCommand } from "@/lib/flows/inbox-keyboard";
import { DEFAULT_INBOX_SORT, formatKeyValue, inboxHref, instanceReference, type InboxPageJson } from "@/lib/flows/inbox-view";
import { ZActOnInstance, ZBulkAct, type TInboxQuery } from "@/lib/flows/schema";

type Props = { query: TInboxQuery; initialPage: InboxPageJson; renderedAt: string };
type Pending = { action: "approve" | "reject"; instanceIds: string[] };

/**
 * The inbox list: keyboard-first (j/k, Enter, a, r, x, ?), single and bulk decisions through the
 * shared dialog, kept fresh by react-query. The server page renders the first page into it.
 */
export function InboxView({ query, initialPage, renderedAt }: Props) {
  const router = useRouter();
  const { data, isFetching, isError, error } = useInboxPage(query, initialPage);
  const page = data ?? initialPage;
  const items = page.data;
  const ids = useMemo(() => items.map((item) => item.instanceId), [items]);
  const idsKey = ids.join(",");
  const decide = useDecide();

  const [cursor, setCursor] = useState(() => initialCursor(ids));
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const dispatch = useCallback((action: CursorAction) => setCursor((state) => moveCursor(state, action, idsRef.current)), []);
  const [pending, setPending] = useState<Pending | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const rows = useRef(new Map<string, HTMLDivElement>());
  const listRef = useRef<HTMLDivElement>(null);

  // Ages and due labels move on without a refetch; the server's clock makes the first paint.
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // The list changed (refetch, optimistic removal): keep the focus on its row or on the one in its place.
  useEffect(() => dispatch({ type: "sync", ids }), [idsKey, dispatch]); // eslint-disable-line react-hooks/exhaustive-deps

  const focusRow = useCallback((id: string | null) => {
    const row = id ? rows.current.get(id) : undefined;
    if (!row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }, []);
  // Moving the cursor moves the real focus too: after j/k, or when the focus was in the list (or
  // fell to <body> because its row was just decided and left).
  const keyboardMoved = useRef(false);
  useEffect(() => {
    const active = document.activeElement;
    if (pending || helpOpen) return;
    if (keyboardMoved.current || active === document.body || listRef.current?.contains(active)) focusRow(cursor.focusedId);
    keyboardMoved.current = false;
  }, [cursor.focusedId, cursor.focusedIndex, pending, helpOpen, focusRow]);

  const byId = useMemo(() => new Map(items.map((item) => [item.instanceId, item])), [items]);
  const open = (action: Pending["action"], instanceIds: string[]) => {
    if (instanceIds.length > 0) setPending({ action, instanceIds });
  };

  const run = useCallback(
    (command: InboxCommand) => {
      const focused = cursor.focusedId;
      switch (command) {
        case "next":
          return dispatch({ type: "move", delta: 1 });
        case "previous":
          return dispatch({ type: "move", delta: -1 });
        case "toggle":
          return dispatch({ type: "toggle" });
        case "help":
          return setHelpOpen(true);
        case "open":
          if (focused) router.push(`/instances/${focused}`);
          return;
        case "approve":
        case "reject":
          if (focused) setPending({ action: command, instanceIds: [focused] });
          return;
      }
    },
    [cursor.focusedId, dispatch, router],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || pending || helpOpen) return;
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      const command = commandForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: { tagName: target.tagName, type: (target as HTMLInputElement).type, isContentEditable: target.isContentEditable, insideDialog: Boolean(target.closest("dialog, [role=dialog]")) },
      });
      if (!command) return;
      event.preventDefault();
      // The keyboard drives the list now: the real focus follows the cursor even from a button above.
      if (command === "next" || command === "previous") keyboardMoved.current = true;
      run(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run, pending, helpOpen]);

  const confirm = (values: DecisionValues) => {
    if (!pending) return;
    setPending(null);
    dispatch({ type: "clearSelection" });
    // The version each request was seen at: one that moved on since is refused, not decided blind.
    const versions = Object.fromEntries(pending.instanceIds.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!.version]] : [])));
    decide.mutate({ ...pending, ...values, versions });
  };

  const selectedHere = cursor.selected.filter((id) => byId.has(id));
  const allSelected = ids.length > 0 && selectedHere.length === ids.length;
  const filtered = Boolean(query.search || query.flowId || query.overdue);
  const pageNumber = page.page;
  const hrefFor = (n: number) => inboxHref({ search: query.search, flowId: query.flowId, overdue: query.overdue, sort: query.sort ?? DEFAULT_INBOX_SORT, page: n });
  const single = pending?.instanceIds.length === 1 ? byId.get(pending.instanceIds[0]!) : undefined;
  const failures = decide.data?.filter((result) => !result.ok) ?? [];

  return (
    <div className="space-y-3">
      <Card className="overflow-hidden">
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-3 text-sm">
          <label className="flex items-center gap-2 text-slate-700">
            <input type="checkbox" checked={allSelected} disabled={ids.length === 0} onChange={() => dispatch({ type: "toggleAll" })} className="h-4 w-4 rounded border-slate-300" />
            Select all on this page
          </label>
          {selectedHere.length > 0 ? (
            <div role="group" aria-label="Bulk decision" className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{selectedHere.length} selected</span>
              <Button type="button" className="px-3 py-1" onClick={() => open("approve", selectedHere)} disabled={decide.isPending}>
                Approve selected
              </Button>
              <Button type="button" variant="danger" className="px-3 py-1" onClick={() => open("reject", selectedHere)} disabled={decide.isPending}>
                Reject selected
              </Button>
              <Button type="button" variant="ghost" className="px-3 py-1" onClick={() => dispatch({ type: "clearSelection" })}>
                Clear
              </Button>
            </div>
          ) : null}
          <p className="ml-auto text-slate-500" aria-live="polite">
            {isFetching ? "Updating… " : ""}
            {items.length === 0 ? "" : `${items.length} ${items.length === 1 ? "request" : "requests"} on this page`}
          </p>
          <button type="button" onClick={() => setHelpOpen(true)} className="text-slate-600 hover:text-slate-900 hover:underline">
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">?</kbd> Shortcuts
          </button>
        </div>

        {isError ? (
          <p role="alert" className="border-b border-red-100 bg-red-50 px-4 py-2 text-sm text-red-700">
            Could not refresh the inbox: {error.message}
          </p>
        ) : null}

        {items.length > 0 ? (
          <div ref={listRef} role="grid" aria-label="Requests waiting for you" aria-rowcount={items.length} aria-multiselectable="false">
            {items.map((item) => (
              <InboxRow
                key={item.instanceId}
                item={item}
                now={now}
                focused={item.instanceId === cursor.focusedId}
                selected={cursor.selected.includes(item.instanceId)}
                rowRef={(element) => {
                  if (element) rows.current.set(item.instanceId, element);
                  else rows.current.delete(item.instanceId);
                }}
                onFocusRow={() => dispatch({ type: "focus", id: item.instanceId })}
                onToggle={() => dispatch({ type: "toggle", id: item.instanceId })}
                onApprove={() => open("approve", [item.instanceId])}
                onReject={() => open("reject", [item.instanceId])}
              />
            ))}
          </div>
        ) : filtered ? (
          <div className="px-4 py-12 text-center text-sm text-slate-600">
            <p className="font-medium text-slate-800">Nothing waiting for you matches these filters.</p>
            <Link href="/inbox" className="mt-2 inline-block font-medium text-brand hover:underline">
              Show everything waiting for you
            </Link>
          </div>
        ) : (
          <div className="px-4 py-12 text-center text-sm text-slate-600">
            <p className="text-base font-medium text-slate-800">Nothing is waiting for you.</p>
            <p className="mx-auto mt-2 max-w-lg">
              Requests land here when a flow reaches a level you decide: because of a role you hold, your department, because you are named on the level, or as the manager of the person who asked. New ones
              appear without reloading.
            </p>
          </div>
        )}

        {pageNumber > 1 || page.hasMore ? (
          <nav aria-label="Inbox pages" className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm">
            {pageNumber > 1 ? (
              <Link href={hrefFor(pageNumber - 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
                Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-500">Page {pageNumber}</span>
            {page.hasMore ? (
              <Link href={hrefFor(pageNumber + 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
                Next
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </Card>

      {/* A bulk decision's failures stay listed (a toast goes away); a single one's toast says it all. */}
      {failures.length > 0 && (decide.variables?.instanceIds.length ?? 0) > 1 ? (
        <Card className="border-amber-200 bg-amber-50 p-4 text-sm" role="status">
          <p className="font-medium text-amber-900">Not decided:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-amber-900">
            {failures.map((failure) => (
              <li key={failure.instanceId}>
                <Link href={`/instances/${failure.instanceId}`} className="font-mono underline">
                  {instanceReference(failure.instanceId)}
                </Link>
                : {failure.error}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <DecisionDialog
        open={pending !== null}
        action={pending?.action ?? "approve"}
        subject={pending ? (pending.instanceIds.length === 1 ? instanceReference(pending.instanceIds[0]!) : `${pending.instanceIds.length} requests`) : ""}
        summary={
          single ? (
            <p>
              {single.flow.name} from {single.initiator.name}, at {single.level.name}
              {single.keyFields.length > 0 ? ` · ${single.keyFields.map((field) => `${field.label}: ${formatKeyValue(field.value)}`).join(" · ")}` : ""}
            </p>
          ) : pending ? (
            <p>{pending.action === "reject" ? "One reason is recorded on each of them." : "Each is checked and decided on its own; you will see what happened to each."}</p>
          ) : null
        }
        schema={pending && pending.instanceIds.length > 1 ? ZBulkAct : ZActOnInstance}
        baseValues={pending ? (pending.instanceIds.length > 1 ? { instanceIds: pending.instanceIds, action: pending.action } : { instanceId: pending.instanceIds[0], action: pending.action }) : {}}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      />
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
