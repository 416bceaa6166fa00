"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { ZCreateTable, ZPreviewTable, ZTableId, ZUpdateTable } from "./schema";
import { archiveTable, createTable, previewTableSchema, updateTable } from "./table-service";

// Server-action adapters of the table designer over table-service.ts: parse → authorise → call the
// service → revalidate. The REST routes under app/api/v1/tables call the same functions.

const revalidateTables = (key?: string) => {
  revalidatePath("/tables");
  if (key) revalidatePath(`/tables/${key}`, "layout");
};

export const createTableAction = companyAction({ schema: ZCreateTable, permission: "tables.create" }, async ({ input, ctx }) => {
  const table = await createTable(ctx, input);
  revalidateTables();
  return { id: table.id, name: table.name };
});

export const previewTableAction = companyAction({ schema: ZPreviewTable, permission: "tables.update" }, async ({ input, ctx }) => previewTableSchema(ctx, input));

/**
 * Saves the columns. A save over someone else's newer change comes back as `conflict` (not as an
 * error) so the designer can offer a reload instead of a toast; everything else fails as usual.
 */
export const updateTableAction = companyAction({ schema: ZUpdateTable, permission: "tables.update" }, async ({ input, ctx }) => {
  try {
    const saved = await updateTable(ctx, input);
    revalidateTables(saved.name);
    return { status: "saved" as const, updatedAt: saved.updatedAt.toISOString() };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") return { status: "conflict" as const, message: error.message };
    throw error;
  }
});

export const archiveTableAction = companyAction({ schema: ZTableId, permission: "tables.delete" }, async ({ input, ctx }) => {
  await archiveTable(ctx, input);
  revalidateTables();
  return { archived: true };
});
