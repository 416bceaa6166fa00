import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";
import { inviteUser } from "@/lib/org/invitations/service";
import { listUsers } from "@/lib/org/users/queries";
import { ZInviteUser, ZUserApiFilters } from "@/lib/org/users/schema";

export const dynamic = "force-dynamic";

/** ?limit=&cursor= and optional filters q, departmentId, roleId, status (active|deactivated). */
export const GET = apiRoute({ permission: "users.view" }, async ({ request, principal }) => {
  const params = new URL(request.url).searchParams;
  const filters = ZUserApiFilters.safeParse({
    q: params.get("q") ?? undefined,
    departmentId: params.get("departmentId") ?? undefined,
    roleId: params.get("roleId") ?? undefined,
    status: params.get("status") ?? undefined,
  });
  if (!filters.success) throw new AppError("VALIDATION", "Invalid filters.", { fieldErrors: fieldErrorsFromZod(filters.error.issues) });
  return Response.json(await listUsers(principal.companyId, parsePageQuery(request.url), filters.data));
});

/** Invites a person (the same rules as the People page); answers with the invitation, never its token. */
export const POST = apiRoute({ permission: "users.create" }, async ({ request, ctx }) => {
  const { invitation } = await inviteUser(ctx, await readJson(request, ZInviteUser));
  return Response.json({ ...invitation, status: "pending" }, { status: 201 });
});
