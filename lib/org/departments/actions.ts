"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { ZCreateDepartment, ZDeleteDepartment, ZMoveDepartment, ZUpdateDepartment } from "@/lib/org/departments/schema";
import { createDepartment, deleteDepartment, moveDepartment, updateDepartment } from "@/lib/org/departments/service";

const PATH = "/organisation/departments";

export const createDepartmentAction = companyAction({ schema: ZCreateDepartment, permission: "departments.create" }, async ({ input, ctx }) => {
  const created = await createDepartment(ctx, input);
  revalidatePath(PATH);
  return { id: created.id };
});

export const updateDepartmentAction = companyAction({ schema: ZUpdateDepartment, permission: "departments.update" }, async ({ input, ctx }) => {
  await updateDepartment(ctx, input);
  revalidatePath(PATH);
  return null;
});

export const moveDepartmentAction = companyAction({ schema: ZMoveDepartment, permission: "departments.update" }, async ({ input, ctx }) => {
  await moveDepartment(ctx, input);
  revalidatePath(PATH);
  return null;
});

export const deleteDepartmentAction = companyAction({ schema: ZDeleteDepartment, permission: "departments.delete" }, async ({ input, ctx }) => {
  const result = await deleteDepartment(ctx, input);
  revalidatePath(PATH);
  return result;
});
