import { ChangeList } from "@/components/audit/change-list";
import { listAuditEntries } from "@/lib/audit/queries";
import { ZAuditFilter } from "@/lib/audit/schema";

/** The audit trail of one entity, newest first — shown on entity pages. */
export async function EntityHistory({ companyId, entity, entityId }: { companyId: string; entity: string; entityId: string }) {
  const { data } = await listAuditEntries(companyId, ZAuditFilter.parse({ entity, entityId, limit: 20 }));
  if (data.length === 0) return <p className="text-sm text-slate-500">No recorded changes yet.</p>;
  return (
    <ol className="space-y-3" aria-label="History">
      {data.map((entry) => (
        <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-sm">
            <span className="font-medium">{entry.action}</span> by {entry.actorName}
            <span className="text-slate-500"> · {entry.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</span>
          </p>
          <ChangeList changes={entry.changes} />
        </li>
      ))}
    </ol>
  );
}
