"use server";

import { companyAction } from "@/lib/action";
import { createGoldenCase, deleteGoldenCase, updateGoldenCase } from "@/lib/flows/golden-cases";
import { ZCreateGoldenCase, ZGoldenCaseRef, ZUpdateGoldenCase } from "@/lib/flows/simulate/schema";

// Server-action adapters over lib/flows/golden-cases.ts: parse → authorise (flows.update) → service.
// The editor keeps the list in its query cache (refetched after each), so no page is revalidated.

export const createGoldenCaseAction = companyAction({ schema: ZCreateGoldenCase, permission: "flows.update" }, async ({ input, ctx }) => createGoldenCase(ctx, input));

export const updateGoldenCaseAction = companyAction({ schema: ZUpdateGoldenCase, permission: "flows.update" }, async ({ input, ctx }) => updateGoldenCase(ctx, input));

export const deleteGoldenCaseAction = companyAction({ schema: ZGoldenCaseRef, permission: "flows.update" }, async ({ input, ctx }) => deleteGoldenCase(ctx, input));
