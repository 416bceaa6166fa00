"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { renameDesign } from "./details";
import { ZRenameDesign } from "./details-schema";

// Server actions of the rename dialog; each kind keeps its own permission.

export const renameFlowAction = companyAction({ schema: ZRenameDesign, permission: "flows.update" }, async ({ input, ctx }) => {
  const renamed = await renameDesign(ctx, "flow", input);
  revalidatePath("/flows");
  revalidatePath(`/flows/${input.id}`, "layout");
  return renamed;
});

export const renameFormAction = companyAction({ schema: ZRenameDesign, permission: "tasks.update" }, async ({ input, ctx }) => {
  const renamed = await renameDesign(ctx, "form", input);
  revalidatePath("/forms");
  revalidatePath(`/forms/${input.id}`, "layout");
  return renamed;
});
