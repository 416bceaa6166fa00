import "server-only";
import type { Principal } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZDatasetSections, ZDatasetVisibility, type TDatasetSection, type TDatasetVisibility } from "./schema";
import { canSeeDataset, seesAllDatasets } from "./visibility";

export type TDataset = {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  sections: TDatasetSection[];
  visibility: TDatasetVisibility;
  updatedAt: Date;
  publishedAt: Date | null;
};


function shape(row: { id: string; name: string; description: string | null; category: string | null; status: TDataset["status"]; sections: unknown; visibility: unknown; updatedAt: Date; publishedAt: Date | null }): TDataset {
  return {
    ...row,
    // Stored data written before a rule existed must not break reading: keep what parses.
    sections: ZDatasetSections.safeParse(row.sections).data ?? [],
    visibility: ZDatasetVisibility.safeParse(row.visibility).data ?? { roleIds: [], departmentIds: [] },
  };
}

/** The datasets this principal may see, newest first; archived ones only when asked. */
export async function listDatasets(principal: Principal, options: { includeArchived?: boolean } = {}): Promise<TDataset[]> {
  const rows = await db.dataset.findMany({
    where: { companyId: principal.companyId, ...(options.includeArchived ? {} : { status: { not: "ARCHIVED" } }) },
    orderBy: [{ category: "asc" }, { name: "asc" }],
  });
  return rows.map(shape).filter((dataset) => canSeeDataset(dataset.visibility, principal, seesAllDatasets(principal.systemRole)));
}

export async function getDataset(principal: Principal, id: string): Promise<TDataset> {
  const row = await db.dataset.findFirst({ where: { id, companyId: principal.companyId } });
  const dataset = row ? shape(row) : null;
  // Invisible and missing answer the same.
  if (!dataset || !canSeeDataset(dataset.visibility, principal, seesAllDatasets(principal.systemRole))) throw new AppError("NOT_FOUND", "Dataset not found.");
  return dataset;
}
