import "server-only";
import { redirect } from "next/navigation";
import { requirePagePrincipal } from "@/lib/auth/guard";

/**
 * The outbox shows mail bodies, invitation links included: admins and developers holding
 * `users.create` only (those who could send the invitations themselves).
 */
export async function requireOutboxPrincipal() {
  const principal = await requirePagePrincipal("users.create");
  if (principal.systemRole !== "ADMIN" && principal.systemRole !== "DEVELOPER") redirect("/forbidden");
  return principal;
}
