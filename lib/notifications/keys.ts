// TanStack Query keys of the shell's notification bell and counters.
export const notificationKeys = {
  all: ["notifications"] as const,
  list: (limit: number) => ["notifications", "list", limit] as const,
};

/** The shell's badge counts (inbox, unread notifications): one cheap poll for both. */
export const shellCountKeys = { all: ["shell-counts"] as const };
