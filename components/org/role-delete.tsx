"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { deleteRoleAction } from "@/lib/org/roles/actions";

export function RoleDelete({ id, name, members }: { id: string; name: string; members: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const result = await runAction(deleteRoleAction({ id, confirmMembers: members > 0 }), `${name} deleted`);
      if (result.ok) router.push("/organisation/roles");
    });
  if (!confirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        Delete role
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Delete ${name}`} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
      <p className="text-sm text-red-800">
        Delete {name}?{" "}
        {members > 0 ? `${members} ${members === 1 ? "person holds" : "people hold"} this role and will lose it.` : "Nobody holds this role."}
      </p>
      <div className="flex gap-2">
        <Button type="button" variant="danger" onClick={remove} disabled={pending}>
          {pending ? "Deleting…" : "Delete"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
