import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getDepartment } from "@/lib/org/departments/queries";
import { ZDeleteDepartment, ZPatchDepartment } from "@/lib/org/departments/schema";
import { deleteDepartment, moveDepartment, updateDepartment } from "@/lib/org/departments/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "departments.view" }, async ({ principal, params }) =>
  Response.json(await getDepartment(principal.companyId, parseId(params.id, "Department"))),
);

/** Rename, describe, set the head and/or move (parentId) — the same services as the UI. */
export const PATCH = apiRoute<Params>({ permission: "departments.update" }, async ({ request, principal, ctx, params }) => {
  const id = parseId(params.id, "Department");
  const patch = await readJson(request, ZPatchDepartment);
  const current = await getDepartment(principal.companyId, id);
  if (patch.name !== undefined || patch.description !== undefined || patch.headId !== undefined) {
    await updateDepartment(ctx, {
      id,
      name: patch.name ?? current.name,
      description: patch.description !== undefined ? patch.description || null : current.description,
      headId: patch.headId !== undefined ? patch.headId : current.headId,
    });
  }
  if (patch.parentId !== undefined) await moveDepartment(ctx, { id, parentId: patch.parentId });
  return Response.json(await getDepartment(principal.companyId, id));
});

/** DELETE ?moveTo=<id> moves members, roles and sub-departments there (omit it to leave them without one). */
export const DELETE = apiRoute<Params>({ permission: "departments.delete" }, async ({ request, principal, ctx, params }) => {
  if (!can(principal.permissions, "departments.update")) throw new AppError("FORBIDDEN", "Deleting moves dependants, which needs departments.update too.");
  const url = new URL(request.url);
  const parsed = ZDeleteDepartment.safeParse({ id: params.id, moveTo: url.searchParams.get("moveTo"), moveDependants: url.searchParams.has("moveDependants") || url.searchParams.has("moveTo") });
  if (!parsed.success) throw new AppError("NOT_FOUND", "Department not found.");
  return Response.json(await deleteDepartment(ctx, parsed.data));
});
