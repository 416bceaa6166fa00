import { AppError } from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getRole } from "@/lib/org/roles/queries";
import { ZPatchRole } from "@/lib/org/roles/schema";
import { deleteRole, setRolePermissions, updateRole } from "@/lib/org/roles/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "roles.view" }, async ({ principal, params }) =>
  Response.json(await getRole(principal.companyId, parseId(params.id, "Role"))),
);

/** Any of name, description, department and the whole permission list. */
export const PATCH = apiRoute<Params>({ permission: "roles.update" }, async ({ request, principal, ctx, params }) => {
  const id = parseId(params.id, "Role");
  const patch = await readJson(request, ZPatchRole);
  const current = await getRole(principal.companyId, id);
  if (patch.name !== undefined || patch.description !== undefined || patch.departmentId !== undefined) {
    await updateRole(ctx, {
      id,
      name: patch.name ?? current.name,
      description: patch.description !== undefined ? patch.description || null : current.description,
      departmentId: patch.departmentId !== undefined ? patch.departmentId : current.departmentId,
    });
  }
  if (patch.permissions) await setRolePermissions(ctx, { id, permissions: patch.permissions });
  return Response.json(await getRole(principal.companyId, id));
});

/** DELETE ?confirmMembers=true removes the role from the people who hold it. */
export const DELETE = apiRoute<Params>({ permission: "roles.delete" }, async ({ request, ctx, params }) => {
  const id = parseId(params.id, "Role");
  const confirm = new URL(request.url).searchParams.get("confirmMembers");
  if (confirm !== null && confirm !== "true" && confirm !== "false") throw new AppError("VALIDATION", "confirmMembers must be true or false.");
  return Response.json(await deleteRole(ctx, { id, confirmMembers: confirm === "true" }));
});
