// The records grid's view: filter, quick search, sort, hidden columns and the trash toggle. It lives in
// the page URL (so a view is a shareable link) and, minus the trash toggle, in a user's saved views.
// The URL uses the REST list's own parameter names (filter as JSON, q, sort, direction, trash), so the
// same string drives the grid's fetches and the export links. Pure and client-safe.
import { z } from "zod";
import type { TColumn } from "./columns";
import { ZFilterCondition, ZRecordFilter, type TFilterOp } from "./filter-ops";

/** A filter condition as the grid keeps it: `label` remembers a picked record's name for its chip. */
export const ZViewCondition = ZFilterCondition.extend({ label: z.string().max(200).optional() });
export type TViewCondition = z.output<typeof ZViewCondition>;

export const ZViewConfig = z.object({
  filter: ZRecordFilter.extend({ conditions: z.array(ZViewCondition).max(20, "At most 20 filters") }).default({ match: "all", conditions: [] }),
  q: z.string().trim().max(200).default(""),
  sort: z.string().min(1).max(64).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  hidden: z.array(z.string().max(64)).max(100).default([]),
});
export type TViewConfig = z.output<typeof ZViewConfig>;
export type TGridState = TViewConfig & { trash: boolean };

export const DEFAULT_VIEW: TViewConfig = ZViewConfig.parse({});

/** Saving a view: its name and what it shows (per user and table; the same name replaces it). */
export const ZSaveTableView = z.object({
  tableId: z.uuid(),
  name: z.string().trim().min(1, "Name the view").max(80, "At most 80 characters"),
  config: ZViewConfig,
});
export type TSaveTableView = z.input<typeof ZSaveTableView>;
export const ZDeleteTableView = z.object({ tableId: z.uuid(), viewId: z.uuid() });

type ParamSource = { get(name: string): string | null };

/** The grid state a URL asks for; anything unreadable falls back to the default instead of failing. */
export function readGridState(params: ParamSource): TGridState {
  let filter: unknown;
  try {
    filter = JSON.parse(params.get("filter") ?? "null") ?? undefined;
  } catch {
    filter = undefined;
  }
  const hidden = params.get("hidden");
  const raw = { filter, q: params.get("q") ?? undefined, sort: params.get("sort") ?? undefined, direction: params.get("direction") ?? undefined, hidden: hidden ? hidden.split(",").filter(Boolean) : undefined };
  const parsed = ZViewConfig.safeParse(raw);
  // A bad filter alone should not lose a good sort: retry without the offending part.
  const config = parsed.success ? parsed.data : (ZViewConfig.safeParse({ ...raw, filter: undefined }).data ?? DEFAULT_VIEW);
  return { ...config, trash: params.get("trash") === "true" };
}

/** The page's query string for a grid state (defaults left out, so the plain URL is the default view). */
export function gridSearchParams(state: TGridState): URLSearchParams {
  const params = listSearchParams(state);
  if (state.hidden.length) params.set("hidden", state.hidden.join(","));
  return params;
}

/** The REST list / export query string of a grid state, optionally with a page cursor and size. */
export function listSearchParams(state: TGridState, page: { cursor?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (state.filter.conditions.length) params.set("filter", JSON.stringify(state.filter));
  if (state.q.trim()) params.set("q", state.q.trim());
  if (state.sort !== DEFAULT_VIEW.sort) params.set("sort", state.sort);
  if (state.direction !== DEFAULT_VIEW.direction) params.set("direction", state.direction);
  if (state.trash) params.set("trash", "true");
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.limit) params.set("limit", String(page.limit));
  return params;
}

const isDate = (column: TColumn) => column.type === "date" || column.type === "datetime";

const OP_WORDS: Record<TFilterOp, string> = {
  contains: "contains", not_contains: "does not contain", starts_with: "starts with", equals: "is", not_equals: "is not",
  gt: "is more than", gte: "is at least", lt: "is less than", lte: "is at most", between: "is between",
  in: "is any of", not_in: "is none of", has_any: "has any of", has_all: "has all of", is: "is", is_empty: "is empty", is_not_empty: "is not empty",
};
const DATE_WORDS: Partial<Record<TFilterOp, string>> = { gt: "is after", gte: "is on or after", lt: "is before", lte: "is on or before", equals: "is on" };

/** The words for an operator on a column ("is after" for dates, "is more than" for numbers). */
export function opLabel(op: TFilterOp, column?: TColumn): string {
  return (column && isDate(column) ? DATE_WORDS[op] : undefined) ?? OP_WORDS[op];
}

const show = (value: unknown) => (Array.isArray(value) ? value.map(String).join(", ") : typeof value === "boolean" ? (value ? "yes" : "no") : String(value ?? ""));

/** A filter chip's text, e.g. "Amount is between 10 and 100", "Status is any of Open, Paid". */
export function conditionText(condition: TViewCondition, column: TColumn | undefined): string {
  const name = column?.label ?? condition.column;
  const words = opLabel(condition.op, column);
  if (condition.op === "is_empty" || condition.op === "is_not_empty") return `${name} ${words}`;
  if (condition.op === "between") return `${name} ${words} ${show(condition.value)} and ${show(condition.to)}`;
  const value = column?.type === "relation" ? (condition.label ?? show(condition.value)) : show(condition.value);
  return `${name} ${words} ${value}`;
}
