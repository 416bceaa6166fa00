import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getUser } from "@/lib/org/users/queries";
import { ZPatchUser } from "@/lib/org/users/schema";
import { updateUser } from "@/lib/org/users/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "users.view" }, async ({ principal, params }) =>
  Response.json(await getUser(principal.companyId, parseId(params.id, "User"))),
);

/** Any of firstName, lastName, systemRole, roleIds, departmentId, managerId; absent keys stay, null clears. */
export const PATCH = apiRoute<Params>({ permission: "users.update" }, async ({ request, principal, ctx, params }) => {
  const id = parseId(params.id, "User");
  const patch = await readJson(request, ZPatchUser);
  const current = await getUser(principal.companyId, id);
  await updateUser(ctx, {
    id,
    firstName: patch.firstName ?? current.firstName,
    lastName: patch.lastName ?? current.lastName,
    systemRole: patch.systemRole ?? current.systemRole,
    roleIds: patch.roleIds ?? current.roleIds,
    departmentId: patch.departmentId !== undefined ? patch.departmentId : current.departmentId,
    managerId: patch.managerId !== undefined ? patch.managerId : current.managerId,
  });
  return Response.json(await getUser(principal.companyId, id));
});
