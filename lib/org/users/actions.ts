"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { publicAction } from "@/lib/public-action";
import { changeOwnPassword, resetPasswordWithToken, updateOwnProfile } from "@/lib/org/users/account-service";
import { ZChangePassword, ZResetPassword, ZUpdateProfile, ZUpdateUser, ZUserId } from "@/lib/org/users/schema";
import { deactivateUser, reactivateUser, requestPasswordReset, updateUser } from "@/lib/org/users/service";

const PEOPLE = "/organisation/users";

export const updateUserAction = companyAction({ schema: ZUpdateUser, permission: "users.update" }, async ({ input, ctx }) => {
  await updateUser(ctx, input);
  revalidatePath(PEOPLE, "layout");
  return null;
});

export const deactivateUserAction = companyAction({ schema: ZUserId, permission: "users.delete" }, async ({ input, ctx }) => {
  const result = await deactivateUser(ctx, input);
  revalidatePath(PEOPLE, "layout");
  return { sessionsRevoked: result.sessionsRevoked };
});

export const reactivateUserAction = companyAction({ schema: ZUserId, permission: "users.delete" }, async ({ input, ctx }) => {
  await reactivateUser(ctx, input);
  revalidatePath(PEOPLE, "layout");
  return null;
});

export const requestPasswordResetAction = companyAction({ schema: ZUserId, permission: "users.update" }, async ({ input, ctx }) => {
  const result = await requestPasswordReset(ctx, input);
  revalidatePath(`${PEOPLE}/${input.id}`);
  return { delivered: result.mail.delivered, error: result.mail.error ?? null };
});

export const updateProfileAction = companyAction({ schema: ZUpdateProfile }, async ({ input, ctx }) => {
  await updateOwnProfile(ctx, input);
  revalidatePath("/", "layout"); // the name in the header
  return null;
});

export const changePasswordAction = companyAction({ schema: ZChangePassword }, async ({ input, principal, ctx }) => {
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", "Sign in to change your password.");
  return changeOwnPassword(ctx, input, { keepSessionId: principal.sessionId });
});

/** Public: the reset link's token is the authority. */
export const resetPasswordAction = publicAction({ schema: ZResetPassword }, async ({ input, meta }) => {
  await resetPasswordWithToken(input, meta);
  return null;
});
