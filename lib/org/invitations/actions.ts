"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { publicAction } from "@/lib/public-action";
import { acceptInvitation, inviteUser, resendInvitation, revokeInvitation } from "@/lib/org/invitations/service";
import { ZAcceptInvitation, ZInvitationId, ZInviteUser } from "@/lib/org/users/schema";

const PEOPLE = "/organisation/users";

export const inviteUserAction = companyAction({ schema: ZInviteUser, permission: "users.create" }, async ({ input, ctx }) => {
  const { invitation, mail } = await inviteUser(ctx, input);
  revalidatePath(PEOPLE);
  return { id: invitation.id, email: invitation.email, delivered: mail.delivered, error: mail.error ?? null };
});

export const resendInvitationAction = companyAction({ schema: ZInvitationId, permission: "users.create" }, async ({ input, ctx }) => {
  const { invitation, mail } = await resendInvitation(ctx, input);
  revalidatePath(PEOPLE);
  return { email: invitation.email, delivered: mail.delivered, error: mail.error ?? null };
});

export const revokeInvitationAction = companyAction({ schema: ZInvitationId, permission: "users.create" }, async ({ input, ctx }) => {
  await revokeInvitation(ctx, input);
  revalidatePath(PEOPLE);
  return null;
});

/** Public: the invitation's token is the authority. */
export const acceptInvitationAction = publicAction({ schema: ZAcceptInvitation }, async ({ input, meta }) => {
  const { email } = await acceptInvitation(input, meta);
  return { email };
});
