"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A secret shown this once, with a copy button; it cannot be shown again after leaving. */
export function SecretOnce({ secret, label = "Signing secret" }: { secret: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="trigger-secret-once" className="block text-sm font-medium text-amber-900">{label}</label>
      <div className="flex gap-2">
        <input id="trigger-secret-once" readOnly value={secret} onFocus={(event) => event.target.select()} className="block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-xs" />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-xs text-amber-900" aria-live="polite">Copy it now: it is stored encrypted and will not be shown again.</p>
    </div>
  );
}
