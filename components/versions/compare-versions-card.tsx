import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

// "Compare versions" of a versioned thing (forms, flows): a GET form choosing two version numbers and
// the diff the page computed for them (`children`; null when they cannot be compared).

export function CompareVersionsCard({ numbers, from, to, children }: { numbers: readonly number[]; from: number; to: number; children: ReactNode | null }) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-sm font-semibold text-slate-700">Compare versions</h2>
      {numbers.length < 2 ? (
        <p className="text-sm text-slate-500">There is only one version so far.</p>
      ) : (
        <>
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Compare versions">
            {(["from", "to"] as const).map((name) => (
              <label key={name} className="text-xs text-slate-600">
                {name === "from" ? "From" : "To"}
                <select name={name} defaultValue={String(name === "from" ? from : to)} className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                  {numbers.map((number) => (
                    <option key={number} value={number}>
                      v{number}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
              Compare
            </button>
          </form>
          {children ?? <p className="text-sm text-slate-500">Those versions cannot be compared.</p>}
        </>
      )}
    </Card>
  );
}
