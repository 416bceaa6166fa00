"use client";

import { Button } from "@/components/ui/button";

/** Someone else saved first: say who, say nothing here was saved, and offer a reload. */
export function ConflictBanner({ message, reloadLabel }: { message: string; reloadLabel: string }) {
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <span>{message} Your changes here are not saved.</span>
      <Button type="button" variant="secondary" onClick={() => window.location.reload()}>
        {reloadLabel}
      </Button>
    </div>
  );
}
