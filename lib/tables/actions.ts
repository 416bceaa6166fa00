"use server";

import { z } from "zod";
import { companyAction } from "@/lib/action";
import { setColumnForRecords } from "./bulk-edit";
import { importBatch, ZImportBatch } from "./import";
import { getRecord } from "./queries";
import { searchRecordOptions } from "./record-options";
import { createRecord, deleteRecords, purgeRecords, restoreRecords, updateRecord } from "./record-service";
import { ZCreateRecord, ZRecordOptionsQuery, ZRecordRefs, ZSetColumnForRecords, ZUpdateRecord } from "./schema";
import { deleteTableView, saveTableView } from "./views";
import { ZDeleteTableView, ZSaveTableView } from "./view-state";

// The records UI's mutations: thin adapters over the record services (parse → authorise → call).
// The grid re-fetches through react-query after each, so nothing here revalidates pages.

export const createRecordAction = companyAction({ schema: ZCreateRecord, permission: "records.create" }, async ({ input, ctx }) => {
  const record = await createRecord(ctx, input);
  return { id: record.id };
});

/** Returns the record as the grid shows it (with relation labels), or the refusal by column. */
export const updateRecordAction = companyAction({ schema: ZUpdateRecord, permission: "records.update" }, async ({ input, ctx, principal }) => {
  await updateRecord(ctx, input);
  const { linkedFrom: _linkedFrom, table: _table, ...record } = await getRecord(principal.companyId, { id: input.tableId }, input.recordId);
  // ISO text, as the REST list gives the grid (the grid keeps one shape of record).
  return { ...record, createdAt: record.createdAt.toISOString(), updatedAt: record.updatedAt.toISOString(), deletedAt: record.deletedAt?.toISOString() ?? null };
});

export const deleteRecordsAction = companyAction({ schema: ZRecordRefs, permission: "records.delete" }, ({ input, ctx }) => deleteRecords(ctx, input));
export const restoreRecordsAction = companyAction({ schema: ZRecordRefs, permission: "records.delete" }, ({ input, ctx }) => restoreRecords(ctx, input));
export const purgeRecordsAction = companyAction({ schema: ZRecordRefs, permission: "records.delete" }, ({ input, ctx }) => purgeRecords(ctx, input));
export const setColumnForRecordsAction = companyAction({ schema: ZSetColumnForRecords, permission: "records.update" }, ({ input, ctx }) => setColumnForRecords(ctx, input));

/** One import batch: `dryRun` judges the rows (the preview), otherwise inserts the valid ones. */
export const importBatchAction = companyAction({ schema: ZImportBatch, permission: "records.create" }, ({ input, ctx }) => importBatch(ctx, input));

/** Records of a related table to pick from; the relation column names the table and display column. */
export const searchRecordOptionsAction = companyAction(
  { schema: ZRecordOptionsQuery.extend({ displayColumn: z.string().max(64).optional() }), permission: "records.view" },
  ({ input, principal }) => searchRecordOptions(principal.companyId, input.tableId, input.q, input.displayColumn),
);

export const saveTableViewAction = companyAction({ schema: ZSaveTableView, permission: "records.view" }, ({ input, ctx }) => saveTableView(ctx, input));
export const deleteTableViewAction = companyAction({ schema: ZDeleteTableView, permission: "records.view" }, ({ input, ctx }) => deleteTableView(ctx, input));
