import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import { loadTable } from "./load";
import { ZViewConfig, type TViewConfig, type ZDeleteTableView, type ZSaveTableView } from "./view-state";

// Saved views of the records grid: private to the user who saved them, per table, named; saving a
// name that exists replaces that view (so "save" after a tweak updates it).

export type TTableViewSummary = { id: string; name: string; config: TViewConfig };

export const MAX_VIEWS_PER_TABLE = 50;

/** The user's saved views of a table (configs that no longer parse fall back to the default view). */
export async function listTableViews(companyId: string, tableId: string, userId: string): Promise<TTableViewSummary[]> {
  const rows = await db.tableView.findMany({ where: { companyId, tableId, userId }, orderBy: { name: "asc" }, select: { id: true, name: true, config: true } });
  return rows.map((row) => ({ id: row.id, name: row.name, config: ZViewConfig.safeParse(row.config).data ?? ZViewConfig.parse({}) }));
}

export async function saveTableView(ctx: ServiceContext, input: z.output<typeof ZSaveTableView>): Promise<TTableViewSummary> {
  const userId = ctx.actorId;
  if (!userId || ctx.actorType !== "USER") throw new AppError("FORBIDDEN", "Only people can save views.");
  return inTransaction(ctx, async (tx, audit) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId });
    const where = { companyId: ctx.companyId, tableId: table.id, userId };
    const existing = await tx.tableView.findFirst({ where: { ...where, name: input.name }, select: { id: true } });
    if (!existing && (await tx.tableView.count({ where })) >= MAX_VIEWS_PER_TABLE) {
      throw new AppError("VALIDATION", "Too many views.", { fieldErrors: { name: [`At most ${MAX_VIEWS_PER_TABLE} saved views per table; delete one first`] } });
    }
    const config = input.config as unknown as InputJsonValue;
    const view = existing
      ? await tx.tableView.update({ where: { id: existing.id }, data: { config }, select: { id: true, name: true } })
      : await tx.tableView.create({ data: { ...where, name: input.name, config }, select: { id: true, name: true } });
    await audit({ action: existing ? "table_view.updated" : "table_view.created", entity: "TableView", entityId: view.id, metadata: { tableId: table.id, name: view.name } });
    return { ...view, config: input.config };
  });
}

export async function deleteTableView(ctx: ServiceContext, input: z.output<typeof ZDeleteTableView>): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    // Scoped by company, table and owner together: someone else's view is "not found", like a missing one.
    const { count } = await tx.tableView.deleteMany({ where: { id: input.viewId, tableId: input.tableId, companyId: ctx.companyId, userId: ctx.actorId ?? "00000000-0000-0000-0000-000000000000" } });
    if (count === 0) throw new AppError("NOT_FOUND", "View not found.");
    await audit({ action: "table_view.deleted", entity: "TableView", entityId: input.viewId, metadata: { tableId: input.tableId } });
  });
}
