"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { ZCompanySettings, ZCreateCompany, ZSwitchCompany } from "@/lib/org/company/schema";
import { createCompany, switchCompany, updateCompanySettings } from "@/lib/org/company/service";

export const updateCompanySettingsAction = companyAction({ schema: ZCompanySettings, permission: "companies.update" }, async ({ input, ctx }) => {
  await updateCompanySettings(ctx, input);
  revalidatePath("/", "layout");
  return null;
});

export const createCompanyAction = companyAction({ schema: ZCreateCompany, permission: "companies.create" }, async ({ input, ctx, principal }) => {
  if (principal.systemRole !== "DEVELOPER") throw new AppError("FORBIDDEN", "Only platform developers can create companies.");
  const company = await createCompany(ctx, input);
  revalidatePath("/settings");
  return company;
});

export const switchCompanyAction = companyAction({ schema: ZSwitchCompany }, async ({ input, ctx, principal }) => {
  if (principal.systemRole !== "DEVELOPER" || principal.kind !== "user") throw new AppError("FORBIDDEN", "Only platform developers can switch companies.");
  const company = await switchCompany(ctx, principal.sessionId, input.companyId);
  revalidatePath("/", "layout");
  return company;
});
