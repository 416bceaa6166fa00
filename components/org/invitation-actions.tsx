"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/org/invitations/actions";

/** Resend (a new link, a new expiry) and revoke buttons of one pending invitation. */
export function InvitationActions({ id, email }: { id: string; email: string }) {
  const [pending, startTransition] = useTransition();
  const resend = () =>
    startTransition(async () => {
      const result = await runAction(resendInvitationAction({ id }));
      if (result.ok) {
        toast.success(result.data.delivered ? `Invitation emailed again to ${email}` : result.data.error ? `The mail failed: ${result.data.error}` : `A new invitation for ${email} is in the outbox`);
      }
    });
  const revoke = () => {
    if (!window.confirm(`Revoke the invitation for ${email}? Its link will stop working.`)) return;
    startTransition(async () => {
      await runAction(revokeInvitationAction({ id }), `Invitation for ${email} revoked`);
    });
  };
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="secondary" className="px-3 py-1" onClick={resend} disabled={pending} aria-label={`Resend the invitation for ${email}`}>
        Resend
      </Button>
      <Button type="button" variant="ghost" className="px-3 py-1 text-red-700 hover:bg-red-50" onClick={revoke} disabled={pending} aria-label={`Revoke the invitation for ${email}`}>
        Revoke
      </Button>
    </div>
  );
}
