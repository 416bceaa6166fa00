"use server";

import { companyAction } from "@/lib/action";
import { db } from "@/lib/db";
import { assigneeCoverage } from "./assignee-coverage";
import type { AnalysisProblem } from "./branch-analysis";
import { loadOrgSnapshot } from "./org-snapshot";
import { ZAssigneeCoverageInput } from "./schema";

// The editor's view of assignee coverage: the same pure check publish runs, over the caller's
// company as it is now. Read-only, so nothing to revalidate.
export const checkAssigneeCoverageAction = companyAction({ schema: ZAssigneeCoverageInput, permission: "flows.update" }, async ({ input, ctx }): Promise<AnalysisProblem[]> => {
  const org = await loadOrgSnapshot(db, ctx.companyId);
  return assigneeCoverage(input, org);
});
