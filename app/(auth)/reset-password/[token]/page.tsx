import type { Metadata } from "next";
import { AuthCard, DeadLink } from "@/components/auth/auth-card";
import { INVALID_RESET_LINK, isResetLinkUsable } from "@/lib/org/users/account-service";
import { isLinkToken } from "@/lib/org/users/tokens";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

// Public: the emailed link's token is the authority.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = isLinkToken(token) && (await isResetLinkUsable(token));
  return (
    <AuthCard title={usable ? "Choose a new password" : "Link unavailable"} description={usable ? "Choosing a new password signs you out everywhere." : undefined}>
      {usable ? <ResetPasswordForm token={token} /> : <DeadLink message={INVALID_RESET_LINK} />}
    </AuthCard>
  );
}
