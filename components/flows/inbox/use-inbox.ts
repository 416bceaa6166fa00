"use client";

import { useIsMutating, useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { SHELL_POLL_MS } from "@/components/shell/use-shell-counts";
import type { ActionResult } from "@/lib/action";
import { actOnInstanceAction, bulkActAction } from "@/lib/flows/actions";
import { bulkResultMessage, type BulkItemOutcome } from "@/lib/flows/inbox-results";
import { inboxKeys } from "@/lib/flows/inbox-keys";
import { inboxApiSearch, instanceReference, type InboxPageJson } from "@/lib/flows/inbox-view";
import type { TInboxQuery } from "@/lib/flows/schema";
import { fetchJson } from "@/lib/http/fetch-json";
import { shellCountKeys } from "@/lib/notifications/keys";
import type { ShellCounts } from "@/lib/shell/counts";

/** One page of the inbox: the server's first paint, then refetched on focus and every 20 s. */
export function useInboxPage(query: TInboxQuery, initial: InboxPageJson | undefined) {
  // No poll while a decision is in flight: it could bring back a row that just left optimistically.
  const deciding = useIsMutating({ mutationKey: inboxKeys.all }) > 0;
  return useQuery({
    queryKey: inboxKeys.page(query),
    queryFn: ({ signal }) => fetchJson<InboxPageJson>(`/api/v1/instances?${inboxApiSearch(query)}`, { signal }),
    initialData: initial,
    refetchInterval: deciding ? false : SHELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** `versions`: the version of each request the user saw, so one that moved on since is refused, naming who moved it. */
export type Decision = { action: "approve" | "reject"; instanceIds: string[]; comment?: string; reason?: string; versions?: Record<string, number> };

type Snapshot = { pages: [QueryKey, InboxPageJson | undefined][]; counts: ShellCounts | undefined };

/**
 * Approve or reject one or several requests. They leave the list (and the badge) at once; a refusal
 * puts them back. Either way both are refetched afterwards, so a lost race shows where things are.
 */
export function useDecide() {
  const queryClient = useQueryClient();

  const removeOptimistically = async (ids: string[]): Promise<Snapshot> => {
    await queryClient.cancelQueries({ queryKey: inboxKeys.all });
    const snapshot: Snapshot = { pages: queryClient.getQueriesData<InboxPageJson>({ queryKey: inboxKeys.all }), counts: queryClient.getQueryData<ShellCounts>(shellCountKeys.all) };
    queryClient.setQueriesData<InboxPageJson>({ queryKey: inboxKeys.all }, (page) => (page ? { ...page, data: page.data.filter((item) => !ids.includes(item.instanceId)) } : page));
    queryClient.setQueryData<ShellCounts>(shellCountKeys.all, (counts) => (counts ? { ...counts, inbox: Math.max(0, counts.inbox - ids.length) } : counts));
    return snapshot;
  };
  const restore = (snapshot: Snapshot | undefined) => {
    for (const [key, page] of snapshot?.pages ?? []) queryClient.setQueryData(key, page);
    if (snapshot?.counts) queryClient.setQueryData(shellCountKeys.all, snapshot.counts);
  };

  return useMutation({
    mutationKey: inboxKeys.all,
    mutationFn: async (decision: Decision): Promise<BulkItemOutcome[]> => {
      if (decision.instanceIds.length === 1) {
        const [instanceId] = decision.instanceIds as [string];
        const result: ActionResult<unknown> = await actOnInstanceAction({ instanceId, action: decision.action, comment: decision.comment, reason: decision.reason, expectedVersion: decision.versions?.[instanceId] });
        return [{ instanceId, ok: result.ok, ...(result.ok ? {} : { error: result.error }) }];
      }
      const result = await bulkActAction({ instanceIds: decision.instanceIds, action: decision.action, comment: decision.comment, reason: decision.reason, versions: decision.versions });
      if (!result.ok) throw new Error(result.error);
      return result.data.results;
    },
    onMutate: (decision) => removeOptimistically(decision.instanceIds),
    onSuccess: (results, decision, snapshot) => {
      const failed = results.filter((result) => !result.ok);
      if (failed.length > 0) {
        // Put back what failed (the refetch below then shows where it really is), keep out what went through.
        const done = new Set(results.filter((result) => result.ok).map((result) => result.instanceId));
        for (const [key, page] of snapshot?.pages ?? []) queryClient.setQueryData<InboxPageJson>(key, page ? { ...page, data: page.data.filter((item) => !done.has(item.instanceId)) } : page);
        if (snapshot?.counts) queryClient.setQueryData<ShellCounts>(shellCountKeys.all, { ...snapshot.counts, inbox: Math.max(0, snapshot.counts.inbox - done.size) });
      }
      if (results.length === 1) {
        const [only] = results as [BulkItemOutcome];
        const verb = decision.action === "approve" ? "Approved" : "Rejected";
        if (only.ok) toast.success(`${verb} ${instanceReference(only.instanceId)}`);
        else toast.error(only.error ?? "That did not work.");
        return;
      }
      const message = bulkResultMessage(decision.action, results);
      if (failed.length > 0) toast.warning(message);
      else toast.success(message);
    },
    onError: (error, _decision, snapshot) => {
      restore(snapshot);
      toast.error(error instanceof Error && error.message !== "Failed to fetch" ? error.message : "Could not reach the server. Check your connection and try again.");
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: inboxKeys.all }), queryClient.invalidateQueries({ queryKey: shellCountKeys.all })]),
  });
}
