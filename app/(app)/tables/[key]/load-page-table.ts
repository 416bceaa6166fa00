import "server-only";
import { notFound } from "next/navigation";
import type { TGridTable } from "@/components/tables/types";
import { isAppError } from "@/lib/errors";
import { getTable } from "@/lib/tables/queries";

/** The table a /tables/[key]/… page is about, or the 404 page (unknown and foreign keys alike). */
export async function loadPageTable(companyId: string, key: string): Promise<TGridTable> {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(key)) notFound();
  const table = await getTable(companyId, { name: key }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!table) notFound();
  return { id: table.id, name: table.name, displayName: table.displayName, columns: table.schema.columns };
}
