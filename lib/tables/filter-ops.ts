// The records list's query vocabulary: filter operators per value kind, the filter and list-query
// schemas. Client-safe (the grid builds filters from it); record-query.ts turns it into SQL.
import { z } from "zod";
import type { TValueKind } from "./value-kind";

export const FILTER_OPS = ["contains", "not_contains", "starts_with", "equals", "not_equals", "gt", "gte", "lt", "lte", "between", "in", "not_in", "has_any", "has_all", "is", "is_empty", "is_not_empty"] as const;
export type TFilterOp = (typeof FILTER_OPS)[number];

export const ZFilterCondition = z.object({ column: z.string().min(1).max(64), op: z.enum(FILTER_OPS), value: z.unknown().optional(), to: z.unknown().optional() });
export const ZRecordFilter = z.object({ match: z.enum(["all", "any"]).default("all"), conditions: z.array(ZFilterCondition).max(20, "At most 20 filters") });
export type TRecordFilter = z.output<typeof ZRecordFilter>;

/** Sortable system columns besides the table's own. */
export const SYSTEM_SORTS = ["createdAt", "updatedAt"] as const;

export const ZRecordListQuery = z.object({
  filter: ZRecordFilter.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.string().max(64).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(2_000).optional(),
  limit: z.int().min(1).max(200).default(50),
  trash: z.boolean().default(false),
});
export type TRecordListQuery = z.output<typeof ZRecordListQuery>;

/** Which operators make sense for which kind of value (the grid offers exactly these). */
export const OPS_BY_KIND: Record<TValueKind, readonly TFilterOp[]> = {
  text: ["contains", "not_contains", "starts_with", "equals", "not_equals", "is_empty", "is_not_empty"],
  long_text: ["contains", "not_contains", "is_empty", "is_not_empty"],
  number: ["equals", "not_equals", "gt", "gte", "lt", "lte", "between", "is_empty", "is_not_empty"],
  ordered_text: ["equals", "not_equals", "gt", "gte", "lt", "lte", "between", "in", "not_in", "is_empty", "is_not_empty"],
  boolean: ["is"],
  list: ["has_any", "has_all", "is_empty", "is_not_empty"],
  relation: ["is", "is_empty", "is_not_empty"],
  none: [],
};

