import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/inputs";
import type { AbsenceExplanation, InstanceDetail } from "@/lib/flows/queries";
import { routingText } from "@/lib/flows/view/routing-text";

type Props = {
  detail: InstanceDetail;
  mine: string | null;
  /** Admins: people to ask about, and the answer for the one asked (`?why=<userId>`). */
  admin: { users: { id: string; label: string }[]; askedUserId: string | null; answer: AbsenceExplanation | null } | null;
};

/**
 * "Why is this here?": every routing decision of the request in words (which conditions were checked
 * with which values, and where that led), why it is (not) the viewer's, and for admins why it is (not)
 * in someone's inbox — asked with a plain GET form, so it needs no script.
 */
export function WhyHere({ detail, mine, admin }: Props) {
  const levelName = (id: string) => detail.definition.levels.find((level) => level.id === id)?.name ?? "a removed level";
  const decisions = detail.history.filter((entry) => entry.routing).map((entry) => ({ seq: entry.seq, text: routingText(entry.routing!, levelName) }));
  return (
    <details className="group rounded-lg border border-slate-200 bg-white shadow-sm" open={admin?.askedUserId ? true : undefined}>
      <summary className="cursor-pointer list-none rounded-lg px-4 py-3 text-sm font-semibold text-slate-900 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand">
        <span aria-hidden="true" className="mr-1 inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        Why is this here?
      </summary>
      <div className="space-y-4 border-t border-slate-100 px-4 py-3 text-sm text-slate-700">
        {mine ? <p>{mine}</p> : null}
        {decisions.length === 0 ? (
          <p className="text-slate-500">No routing decision yet.</p>
        ) : (
          <ol className="space-y-3">
            {decisions.map(({ seq, text }) => (
              <li key={seq}>
                <p className="font-medium text-slate-900">Leaving “{text.from}”</p>
                {text.checks.length > 0 ? (
                  <ul className="ml-4 list-disc text-slate-600">
                    {text.checks.map((check, index) => (
                      <li key={index}>{check}</li>
                    ))}
                  </ul>
                ) : null}
                <p>{text.outcome}</p>
              </li>
            ))}
          </ol>
        )}
        {admin ? (
          <div className="border-t border-slate-100 pt-3">
            <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Why is this not in someone's inbox?">
              <div className="min-w-0 flex-1">
                <label htmlFor="why-user" className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500">
                  Is it in someone’s inbox?
                </label>
                <Select id="why-user" name="why" defaultValue={admin.askedUserId ?? ""} required>
                  <option value="">Choose a person…</option>
                  {admin.users.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.label}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                Explain
              </Button>
            </form>
            {admin.answer ? (
              <div role="status" className="mt-3 rounded-md bg-slate-50 px-3 py-2">
                <p className="font-medium text-slate-900">{admin.answer.inInbox ? "Yes, it is in their inbox." : "No, it is not in their inbox."}</p>
                <ul className="ml-4 list-disc">
                  {admin.answer.reasons.map((reason, index) => (
                    <li key={index}>{reason}</li>
                  ))}
                </ul>
                <Link href="?" className="text-xs text-brand hover:underline">
                  Clear
                </Link>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
}
