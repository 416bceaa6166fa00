// What the inbox page shows, as pure functions shared by the server page and the browser: the
// JSON shape of a page (the route's and the first paint's), references, ages, due labels, and the
// URL search parameters that hold the filters. Client-safe: no server imports (types only).
import type { InboxItem, Page } from "@/lib/flows/runner/inbox";
import type { TInboxQuery } from "@/lib/flows/schema";

export type InboxItemJson = Omit<InboxItem, "startedAt" | "waitingSince" | "dueAt"> & { startedAt: string; waitingSince: string; dueAt: string | null };
/** GET /api/v1/instances?view=inbox answers this (Response.json turns the dates into ISO strings). */
export type InboxPageJson = { data: InboxItemJson[]; page: number; pageSize: number; hasMore: boolean };

/** A page as the route sends it, so the server's first paint and later fetches have one shape. */
export function toInboxPageJson(page: Page<InboxItem>): InboxPageJson {
  return {
    data: page.items.map((item) => ({ ...item, startedAt: item.startedAt.toISOString(), waitingSince: item.waitingSince.toISOString(), dueAt: item.dueAt?.toISOString() ?? null })),
    page: page.page,
    pageSize: page.pageSize,
    hasMore: page.hasMore,
  };
}

/** The short reference people quote for a request: the first 8 characters of its id, "#3F2A9C1B". */
export const instanceReference = (instanceId: string) => `#${instanceId.slice(0, 8).toUpperCase()}`;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact duration: "just now", "5 min", "3 h", "2 d" (whole units, rounded down). */
export function formatDuration(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return "just now";
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`;
  if (span < DAY) return `${Math.floor(span / HOUR)} h`;
  return `${Math.floor(span / DAY)} d`;
}

/** How long something has waited: "3 h" (or "just now"). */
export const formatAge = (since: Date | string, now: Date) => formatDuration(now.getTime() - new Date(since).getTime());

/** The due time as people read it: "due in 4 h", "overdue by 2 h", or null when there is none. */
export function formatDue(dueAt: Date | string | null, now: Date): { label: string; overdue: boolean } | null {
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return { label: `overdue by ${formatDuration(-left).replace("just now", "a moment")}`, overdue: true };
  return { label: left < MINUTE ? "due now" : `due in ${formatDuration(left)}`, overdue: false };
}

/** A key field's value for display: numbers grouped ("12,000"), booleans as Yes/No. */
export function formatKeyValue(value: string | number | boolean): string {
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return value;
}

export const INBOX_FILTER_KEYS = ["search", "flowId", "overdue", "sort", "page"] as const;

/**
 * The inbox URL for a query: defaults are left out so a plain /inbox stays plain, and a changed
 * filter starts again on page 1 (the caller drops `page`).
 */
export function inboxHref(query: Partial<Record<(typeof INBOX_FILTER_KEYS)[number], string | number | boolean | undefined>>): string {
  const params = new URLSearchParams();
  for (const key of INBOX_FILTER_KEYS) {
    const value = query[key];
    if (value === undefined || value === "" || value === false) continue;
    if (key === "page" && Number(value) <= 1) continue;
    if (key === "sort" && value === "oldest") continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const search = params.toString();
  return `/inbox${search ? `?${search}` : ""}`;
}

/** The inbox's default order: the longest-waiting first (people work a queue from its head). */
export const DEFAULT_INBOX_SORT = "oldest" satisfies NonNullable<TInboxQuery["sort"]>;

/** The route's query string for a parsed inbox query (what the browser fetches). */
export function inboxApiSearch(query: TInboxQuery): string {
  const params = new URLSearchParams({ view: "inbox", sort: query.sort ?? DEFAULT_INBOX_SORT });
  if (query.search) params.set("search", query.search);
  if (query.flowId) params.set("flowId", query.flowId);
  if (query.overdue) params.set("overdue", "1");
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.pageSize) params.set("pageSize", String(query.pageSize));
  return params.toString();
}
