import { isEmptyDiff, type DiffItem, type TFlowDiff } from "@/lib/flows/editor/diff";

// The difference between two versions in words: levels and branches added, removed and changed.

const labelOf = (item: DiffItem) => item.label;

function Section({ title, tone, items }: { title: string; tone: "green" | "red"; items: string[] }) {
  if (items.length === 0) return null;
  const styles = tone === "green" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900";
  return (
    <section>
      <h4 className={tone === "green" ? "font-semibold text-green-800" : "font-semibold text-red-800"}>
        {title} ({items.length})
      </h4>
      <ul className="mt-1 space-y-0.5">
        {items.map((item) => (
          <li key={item} className={`rounded px-2 py-1 ${styles}`}>
            {tone === "green" ? "+" : "−"} {item}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Changed({ items }: { items: { title: string; changes: { property: string; before: string; after: string }[] }[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h4 className="font-semibold text-amber-800">Changed ({items.length})</h4>
      <ul className="mt-1 space-y-2">
        {items.map((item) => (
          <li key={item.title} className="rounded bg-amber-50 px-2 py-1.5">
            <span className="font-medium text-slate-900">{item.title}</span>
            <ul className="mt-1 space-y-0.5 pl-3">
              {item.changes.map((change) => (
                <li key={change.property} className="break-words text-slate-700">
                  {change.property}: <del className="text-red-700">{change.before}</del> → <ins className="text-green-800 no-underline">{change.after}</ins>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FlowVersionDiff({ diff, from, to }: { diff: TFlowDiff; from: number; to: number }) {
  if (isEmptyDiff(diff)) return <p className="text-sm text-slate-500">Version {from} and version {to} are the same.</p>;
  const levels = diff.levels.changed.map((level) => ({
    title: level.renamedFrom ? `${level.renamedFrom} → ${level.name}` : level.name,
    changes: level.changes,
  }));
  const branches = diff.branches.changed.map((branch) => ({ title: branch.label, changes: branch.changes }));
  return (
    <div className="space-y-5 text-sm" aria-label={`Changes from version ${from} to version ${to}`}>
      <div className="space-y-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Levels</h3>
        <Section title="Added" tone="green" items={diff.levels.added.map(labelOf)} />
        <Section title="Removed" tone="red" items={diff.levels.removed.map(labelOf)} />
        <Changed items={levels} />
        {diff.levels.added.length + diff.levels.removed.length + levels.length === 0 ? <p className="text-slate-500">No change.</p> : null}
      </div>
      <div className="space-y-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Branches</h3>
        <Section title="Added" tone="green" items={diff.branches.added.map(labelOf)} />
        <Section title="Removed" tone="red" items={diff.branches.removed.map(labelOf)} />
        <Changed items={branches} />
        {diff.branches.added.length + diff.branches.removed.length + branches.length === 0 ? <p className="text-slate-500">No change.</p> : null}
      </div>
    </div>
  );
}
