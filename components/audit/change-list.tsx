// Renders an audit entry's before/after as "field: from → to" lines.

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "∅";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function ChangeList({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== "object") return null;
  const entries = Object.entries(changes as Record<string, { from: unknown; to: unknown }>);
  if (entries.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs text-slate-600">
      {entries.map(([field, change]) => (
        <li key={field} className="break-all">
          <span className="font-medium text-slate-700">{field}</span>: {show(change?.from)} → {show(change?.to)}
        </li>
      ))}
    </ul>
  );
}
