"use client";

import { useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { revokeApiKeyAction } from "@/lib/org/api-keys/actions";

export function ApiKeyRevoke({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className="text-sm text-red-600 hover:underline disabled:opacity-50"
      onClick={() => {
        if (window.confirm(`Revoke “${name}”? Anything using it stops working at once.`)) startTransition(async () => void (await runAction(revokeApiKeyAction({ id }), "Key revoked")));
      }}
    >
      Revoke
    </button>
  );
}
