import type { Metadata } from "next";
import { AuthCard, DeadLink } from "@/components/auth/auth-card";
import { findUsableInvitation } from "@/lib/org/invitations/queries";
import { INVALID_INVITATION } from "@/lib/org/invitations/service";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Accept your invitation", robots: { index: false } };

// Public: the link's token is the authority (the proxy lets /invitations through without a session).
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findUsableInvitation(token);
  if (!invitation) {
    return (
      <AuthCard title="Invitation unavailable">
        <DeadLink message={INVALID_INVITATION} />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={`Join ${invitation.companyName}`}
      description={
        <>
          You were invited as <strong className="font-medium text-slate-700">{invitation.email}</strong>. Choose your name and a password.
        </>
      }
    >
      <AcceptInvitationForm token={token} email={invitation.email} companyName={invitation.companyName} />
    </AuthCard>
  );
}
