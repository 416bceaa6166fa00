"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { routeOf } from "@/lib/flows/simulate/route";
import type { SimulationRun } from "@/lib/flows/simulate/types";
import { useChangeGoldenCase } from "./use-golden-cases";

// "Save as golden case": the finished simulation's data and route become a case publish replays.

export function SaveGoldenCase({ flowId, run }: { flowId: string; run: SimulationRun }) {
  const [name, setName] = useState("");
  const change = useChangeGoldenCase(flowId);
  const save = () =>
    change.mutate(
      { kind: "create", input: { name, data: run.data, expected: routeOf(run) } },
      {
        onSuccess: () => {
          toast.success(`Golden case "${name.trim()}" saved`);
          setName("");
        },
      },
    );
  return (
    <form
      className="space-y-1 border-t border-slate-100 pt-3"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor="golden-case-name" className="block text-sm font-medium text-slate-700">
        Golden case name
      </label>
      <div className="space-y-2">
        <input
          id="golden-case-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={120}
          aria-invalid={change.isError || undefined}
          aria-describedby={change.isError ? "golden-case-error" : undefined}
          placeholder="e.g. 12,000 goes to finance"
          className="block w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand"
        />
        <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={change.isPending || name.trim() === ""}>
          Save as golden case
        </Button>
      </div>
      {change.isError ? (
        <p id="golden-case-error" className="text-xs text-red-700">
          {change.error.message}
        </p>
      ) : null}
    </form>
  );
}
