import type { TDefinitionDiff } from "@/lib/forms/diff";

// The difference between two versions in words: fields added, removed and changed (property by
// property, old → new), rules and settings.

const show = (value: unknown) => (value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

export function VersionDiff({ diff, from, to }: { diff: TDefinitionDiff; from: number; to: number }) {
  const isSame = !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.reordered && !diff.logic.added.length && !diff.logic.removed.length && !diff.logic.changed.length && !diff.settings.length;
  if (isSame) return <p className="text-sm text-slate-500">Version {from} and version {to} are the same.</p>;
  return (
    <div className="space-y-4 text-sm">
      {diff.added.length ? (
        <section>
          <h3 className="font-semibold text-green-800">Added ({diff.added.length})</h3>
          <ul className="mt-1 space-y-0.5">
            {diff.added.map((field) => (
              <li key={field.key} className="rounded bg-green-50 px-2 py-1 text-green-900">
                + {field.label || field.key} <span className="text-xs text-green-700">({field.type}, key {field.key})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.removed.length ? (
        <section>
          <h3 className="font-semibold text-red-800">Removed ({diff.removed.length})</h3>
          <ul className="mt-1 space-y-0.5">
            {diff.removed.map((field) => (
              <li key={field.key} className="rounded bg-red-50 px-2 py-1 text-red-900">
                − {field.label || field.key} <span className="text-xs text-red-700">({field.type}, key {field.key})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.changed.length ? (
        <section>
          <h3 className="font-semibold text-amber-800">Changed ({diff.changed.length})</h3>
          <ul className="mt-1 space-y-2">
            {diff.changed.map((field) => (
              <li key={field.key} className="rounded bg-amber-50 px-2 py-1.5">
                <span className="font-medium text-slate-900">{field.label || field.key}</span> <span className="text-xs text-slate-500">({field.key})</span>
                <ul className="mt-1 space-y-0.5 pl-3">
                  {field.changes.map((change) => (
                    <li key={change.property} className="break-words text-slate-700">
                      <span className="font-mono text-xs">{change.property}</span>: <del className="text-red-700">{show(change.before)}</del> → <ins className="text-green-800 no-underline">{show(change.after)}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.reordered ? <p className="text-slate-700">Fields were reordered.</p> : null}
      {diff.logic.added.length + diff.logic.removed.length + diff.logic.changed.length > 0 ? (
        <p className="text-slate-700">
          Rules: {diff.logic.added.length} added, {diff.logic.removed.length} removed, {diff.logic.changed.length} changed.
        </p>
      ) : null}
      {diff.settings.length ? <p className="text-slate-700">Settings changed: {diff.settings.map((change) => change.property).join(", ")}.</p> : null}
    </div>
  );
}
