"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { shellCountKeys } from "@/lib/notifications/keys";
import type { ShellCounts } from "@/lib/shell/counts";

/** How often the shell's badges and the inbox list look for changes (plus on window focus). */
export const SHELL_POLL_MS = 20_000;

/** The inbox and unread-notification counts, first from the server render, then polled. */
export function useShellCounts(initial: ShellCounts) {
  return useQuery({
    queryKey: shellCountKeys.all,
    queryFn: ({ signal }) => fetchJson<ShellCounts>("/api/v1/me/counts", { signal }),
    initialData: initial,
    refetchInterval: SHELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
}
