"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { ZCreateRole, ZDeleteRole, ZSetRolePermissions, ZUpdateRole } from "@/lib/org/roles/schema";
import { createRole, deleteRole, setRolePermissions, updateRole } from "@/lib/org/roles/service";

const PATH = "/organisation/roles";

export const createRoleAction = companyAction({ schema: ZCreateRole, permission: "roles.create" }, async ({ input, ctx }) => {
  const role = await createRole(ctx, input);
  revalidatePath(PATH);
  return { id: role.id };
});

export const updateRoleAction = companyAction({ schema: ZUpdateRole, permission: "roles.update" }, async ({ input, ctx }) => {
  await updateRole(ctx, input);
  revalidatePath(PATH, "layout");
  return null;
});

export const setRolePermissionsAction = companyAction({ schema: ZSetRolePermissions, permission: "roles.update" }, async ({ input, ctx }) => {
  const role = await setRolePermissions(ctx, input);
  revalidatePath(PATH, "layout");
  return { count: (role.permissions as string[]).length };
});

export const deleteRoleAction = companyAction({ schema: ZDeleteRole, permission: "roles.delete" }, async ({ input, ctx }) => {
  const result = await deleteRole(ctx, input);
  revalidatePath(PATH, "layout");
  return result;
});
