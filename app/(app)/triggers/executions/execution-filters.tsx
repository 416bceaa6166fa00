"use client";

import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/inputs";

/** Trigger and status filters of the log; changing one reloads the first page with it. */
export function ExecutionFilters({ triggers, triggerId, status, statuses }: { triggers: { id: string; name: string }[]; triggerId: string; status: string; statuses: { value: string; label: string }[] }) {
  const router = useRouter();
  const go = (next: { trigger: string; status: string }) => {
    const params = new URLSearchParams(Object.entries(next).filter(([, value]) => value));
    router.push(params.size ? `/triggers/executions?${params}` : "/triggers/executions");
  };
  return (
    <div className="flex flex-wrap gap-3">
      <div className="w-full sm:w-64">
        <label htmlFor="filter-trigger" className="mb-1 block text-xs font-medium text-slate-600">Trigger</label>
        <Select id="filter-trigger" value={triggerId} onChange={(event) => go({ trigger: event.target.value, status })}>
          <option value="">All triggers</option>
          {triggers.map((trigger) => (
            <option key={trigger.id} value={trigger.id}>{trigger.name}</option>
          ))}
        </Select>
      </div>
      <div className="w-full sm:w-48">
        <label htmlFor="filter-status" className="mb-1 block text-xs font-medium text-slate-600">Status</label>
        <Select id="filter-status" value={status} onChange={(event) => go({ trigger: triggerId, status: event.target.value })}>
          <option value="">Any status</option>
          {statuses.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </Select>
      </div>
    </div>
  );
}
