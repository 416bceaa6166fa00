"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/inputs";
import { DEFAULT_INBOX_SORT, inboxHref } from "@/lib/flows/inbox-view";
import type { TInboxQuery } from "@/lib/flows/schema";

const LABEL = "mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500";

/** Search, flow, overdue and order of the inbox; they live in the URL, so a view can be shared. */
export function InboxFilters({ query, flows }: { query: TInboxQuery; flows: { id: string; name: string }[] }) {
  const router = useRouter();
  const [search, setSearch] = useState(query.search ?? "");
  const [pending, startTransition] = useTransition();
  const current = { search: query.search, flowId: query.flowId, overdue: query.overdue, sort: query.sort ?? DEFAULT_INBOX_SORT };
  // The controls show the new choice at once, while the page for it loads.
  const [shown, setShown] = useOptimistic(current);
  // A changed filter starts again on page 1.
  const go = (changes: Partial<typeof current>) =>
    startTransition(() => {
      setShown({ ...current, ...changes });
      router.push(inboxHref({ ...current, ...changes }));
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ search: search.trim() || undefined });
  };
  const filtered = Boolean(query.search || query.flowId || query.overdue);

  return (
    <form role="search" aria-label="Filter the inbox" onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      <div className="min-w-56 flex-1">
        <label htmlFor="inbox-search" className={LABEL}>
          Search
        </label>
        <div className="flex gap-2">
          <Input id="inbox-search" type="search" placeholder="Reference, name or value" value={search} onChange={(event) => setSearch(event.target.value)} />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
      </div>
      <div>
        <label htmlFor="inbox-flow" className={LABEL}>
          Flow
        </label>
        <Select id="inbox-flow" value={shown.flowId ?? ""} onChange={(event) => go({ flowId: event.target.value || undefined })}>
          <option value="">All flows</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="inbox-sort" className={LABEL}>
          Order
        </label>
        <Select id="inbox-sort" value={shown.sort} onChange={(event) => go({ sort: event.target.value as typeof current.sort })}>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
          <option value="due">Due soonest</option>
        </Select>
      </div>
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" checked={Boolean(shown.overdue)} onChange={(event) => go({ overdue: event.target.checked || undefined })} className="h-4 w-4 rounded border-slate-300" />
        Overdue only
      </label>
      {filtered ? (
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setSearch("");
            go({ search: undefined, flowId: undefined, overdue: undefined });
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}
