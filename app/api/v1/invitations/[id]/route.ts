import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { revokeInvitation } from "@/lib/org/invitations/service";

export const dynamic = "force-dynamic";

/** Revokes a pending invitation: its link stops working. 409 when already accepted or revoked. */
export const DELETE = apiRoute<{ id: string }>({ permission: "users.create" }, async ({ ctx, params }) => {
  const invitation = await revokeInvitation(ctx, { id: parseId(params.id, "Invitation") });
  return Response.json({ ...invitation, status: "revoked" });
});
