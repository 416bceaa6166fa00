import "server-only";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import { isComputed } from "./columns";
import { loadTable } from "./load";
import { updateRecordInTx } from "./record-service";
import type { ZSetColumnForRecords } from "./schema";

/**
 * Sets one column to one value on every selected live record, in one transaction: a value one record
 * refuses (e.g. a unique column) leaves all of them unchanged. Each record gets its own audit entry
 * and outbox event, exactly as a single edit would.
 */
export async function setColumnForRecords(ctx: ServiceContext, input: z.output<typeof ZSetColumnForRecords>): Promise<{ count: number }> {
  return inTransaction(ctx, async (tx, audit) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId });
    const column = table.schema.columns.find((candidate) => candidate.key === input.column);
    if (!column) throw new AppError("VALIDATION", "Choose a column.", { fieldErrors: { column: [`There is no column "${input.column}"`] } });
    if (isComputed(column)) throw new AppError("VALIDATION", "Choose a column.", { fieldErrors: { column: [`${column.label} is filled in automatically`] } });
    let count = 0;
    for (const recordId of input.recordIds) {
      try {
        await updateRecordInTx(tx, audit, ctx, table, { tableId: table.id, recordId, values: { [column.key]: input.value } });
        count += 1;
      } catch (error) {
        // A record deleted meanwhile is skipped; any other refusal is the value's, shown on the value.
        if (isAppError(error) && error.code === "NOT_FOUND") continue;
        if (isAppError(error) && error.fieldErrors?.[column.key]) throw new AppError("VALIDATION", error.message, { fieldErrors: { value: error.fieldErrors[column.key]! } });
        throw error;
      }
    }
    return { count };
  });
}
