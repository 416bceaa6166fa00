"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { deactivateUserAction, reactivateUserAction, requestPasswordResetAction } from "@/lib/org/users/actions";

type Props = { user: { id: string; name: string; isActive: boolean; liveSessions: number }; canDeactivate: boolean; canResetPassword: boolean; isSelf: boolean };

/** Deactivate / reactivate a person and send them a password reset link. */
export function UserAccessActions({ user, canDeactivate, canResetPassword, isSelf }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  const deactivate = () =>
    startTransition(async () => {
      const result = await runAction(deactivateUserAction({ id: user.id }));
      if (result.ok) {
        setConfirming(false);
        toast.success(`${user.name} deactivated; ${result.data.sessionsRevoked} session(s) ended`);
      }
    });
  const reactivate = () => startTransition(async () => void (await runAction(reactivateUserAction({ id: user.id }), `${user.name} reactivated`)));
  const sendReset = () =>
    startTransition(async () => {
      const result = await runAction(requestPasswordResetAction({ id: user.id }));
      if (result.ok) {
        toast.success(result.data.delivered ? "Password reset link emailed" : result.data.error ? `The mail failed: ${result.data.error}` : "Password reset link is in the outbox");
      }
    });

  return (
    <div className="space-y-4">
      {canResetPassword && user.isActive ? (
        <div className="space-y-1">
          <Button type="button" variant="secondary" onClick={sendReset} disabled={pending}>
            Send password reset link
          </Button>
          <p className="text-xs text-slate-500">Emails a link that works once, for one hour.</p>
        </div>
      ) : null}
      {canDeactivate && !isSelf ? (
        user.isActive ? (
          confirming ? (
            <div role="group" aria-labelledby="deactivate-heading" className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
              <p id="deactivate-heading" className="text-sm font-semibold text-red-800">
                Deactivate {user.name}?
              </p>
              <p className="text-sm text-red-800">
                They can no longer sign in, and {user.liveSessions === 1 ? "their open session ends" : `their ${user.liveSessions} open sessions end`} at once. You can reactivate them later.
              </p>
              <div className="flex gap-2">
                <Button type="button" variant="danger" onClick={deactivate} disabled={pending}>
                  {pending ? "Deactivating…" : "Deactivate"}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
              Deactivate…
            </Button>
          )
        ) : (
          <Button type="button" onClick={reactivate} disabled={pending}>
            {pending ? "Reactivating…" : "Reactivate"}
          </Button>
        )
      ) : null}
      {isSelf ? <p className="text-sm text-slate-500">This is you. Change your own password on your profile page.</p> : null}
    </div>
  );
}
