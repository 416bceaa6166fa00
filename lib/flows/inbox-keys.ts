import type { TInboxQuery } from "@/lib/flows/schema";

// TanStack Query keys of the inbox (its own file so the flow editor and instance pages can keep
// their keys beside theirs without touching these).
export const inboxKeys = {
  all: ["inbox"] as const,
  page: (query: TInboxQuery) => ["inbox", "page", query] as const,
};
