import { z } from "zod";

// Input schemas of the custom-table actions and API: one per input, shared by the browser forms, the
// server actions and the REST routes. The column list itself is parsed by schema-checks.ts so its
// problems come back keyed by path ("columns.2.source"); record values by record-values.ts.

const ZId = z.uuid("Not a valid id");

/** A table's key: stable, used in URLs and the API (`/api/v1/tables/:key/records`). */
export const ZTableKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "A key starts with a lower-case letter and has only a–z, 0–9 and _ (at most 40 characters)")
  // "/tables/new" is the page that creates a table, so no table can be reached at that key.
  .refine((key) => key !== "new", { message: "This key is reserved; choose another" });

const ZDisplayName = z.string().trim().min(1, "Give the table a name").max(120, "At most 120 characters");
const ZDescription = z.string().trim().max(2_000, "At most 2,000 characters").optional().transform((value) => value || null);

export const ZCreateTable = z.object({ name: ZTableKey, displayName: ZDisplayName, description: ZDescription, columns: z.unknown().optional() });
export type TCreateTable = z.input<typeof ZCreateTable>;

export const ZUpdateTable = z.object({
  tableId: ZId,
  displayName: ZDisplayName,
  description: ZDescription,
  columns: z.unknown(),
  /** When the designer loaded the table (its updatedAt); a save over a newer change is a conflict. */
  expectedUpdatedAt: z.iso.datetime().optional(),
});
export type TUpdateTable = z.input<typeof ZUpdateTable>;

export const ZTableId = z.object({ tableId: ZId });

export const ZCreateRecord = z.object({ tableId: ZId, values: z.record(z.string(), z.unknown()) });
export type TCreateRecord = z.input<typeof ZCreateRecord>;

export const ZUpdateRecord = z.object({
  tableId: ZId,
  recordId: ZId,
  /** Only the columns to change. */
  values: z.record(z.string(), z.unknown()),
  /**
   * The values the editor saw for those columns. When another save changed one of them since, the
   * update is refused (naming the column) instead of silently erasing it; other columns merge.
   */
  base: z.record(z.string(), z.unknown()).optional(),
});
export type TUpdateRecord = z.input<typeof ZUpdateRecord>;

export const ZRecordRef = z.object({ tableId: ZId, recordId: ZId });
export const ZRecordRefs = z.object({ tableId: ZId, recordIds: z.array(ZId).min(1, "Select at least one record").max(500, "At most 500 records at once") });

/** What saving these columns would do to existing rows (the designer asks before it saves). */
export const ZPreviewTable = ZUpdateTable.pick({ tableId: true, columns: true });

/** Bulk edit: one column set to one value on every selected record (all or none). */
export const ZSetColumnForRecords = ZRecordRefs.extend({ column: z.string().min(1).max(64), value: z.unknown() });
export type TSetColumnForRecords = z.input<typeof ZSetColumnForRecords>;

/** Records of a table to pick from (relation cells and "relation is" filters), by display text. */
export const ZRecordOptionsQuery = z.object({ tableId: ZId, q: z.string().trim().max(200).default("") });
