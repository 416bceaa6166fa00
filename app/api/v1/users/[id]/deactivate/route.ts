import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getUser } from "@/lib/org/users/queries";
import { deactivateUser } from "@/lib/org/users/service";

export const dynamic = "force-dynamic";

/** Deactivates the user and ends all their sessions; 409 for the last active admin or yourself. */
export const POST = apiRoute<{ id: string }>({ permission: "users.delete" }, async ({ principal, ctx, params }) => {
  const id = parseId(params.id, "User");
  const { sessionsRevoked } = await deactivateUser(ctx, { id });
  return Response.json({ ...(await getUser(principal.companyId, id)), sessionsRevoked });
});
