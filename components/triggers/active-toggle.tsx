"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { setTriggerActiveAction } from "@/lib/triggers/server-actions";

/** Switches a trigger on or off from the list (a real switch: role, checked state, keyboard). */
export function ActiveToggle({ triggerId, name, isActive, disabled }: { triggerId: string; name: string; isActive: boolean; disabled?: boolean }) {
  const router = useRouter();
  const [on, setOn] = useState(isActive);
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await runAction(setTriggerActiveAction({ triggerId, isActive: !on }), !on ? `${name} is on` : `${name} is off`);
      if (result.ok) {
        setOn(result.data.isActive);
        router.refresh();
      }
    });
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={`${name} active`}
      disabled={disabled || pending}
      onClick={toggle}
      className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-brand disabled:opacity-60 ${on ? "bg-brand" : "bg-slate-300"}`}
    >
      <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`} />
    </button>
  );
}
