import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getUser } from "@/lib/org/users/queries";
import { reactivateUser } from "@/lib/org/users/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>({ permission: "users.delete" }, async ({ principal, ctx, params }) => {
  const id = parseId(params.id, "User");
  await reactivateUser(ctx, { id });
  return Response.json(await getUser(principal.companyId, id));
});
