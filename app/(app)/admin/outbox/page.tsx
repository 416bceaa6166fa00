import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen } from "@/components/org/format";
import { requireOutboxPrincipal } from "@/app/(app)/admin/outbox/access";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageNumbers } from "@/components/ui/page-numbers";
import { env } from "@/lib/env";
import { listOutboxPage, OUTBOX_PER_PAGE } from "@/lib/mail/queries";

export const metadata: Metadata = { title: "Mail outbox" };

const TH = "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 align-top text-sm";

function DeliveryStatus({ message }: { message: { transport: string; sentAt: Date | null; error: string | null } }) {
  if (message.error) return <span className="font-medium text-red-700" title={message.error}>Failed</span>;
  if (message.sentAt) return <span className="text-green-700">Sent</span>;
  return <span className="text-slate-600">{message.transport === "capture" ? "Kept here" : "Sending"}</span>;
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const principal = await requireOutboxPrincipal();
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const { rows, total } = await listOutboxPage(principal.companyId, page);
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PER_PAGE));
  const capturing = !env().SMTP_URL;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Mail outbox"
        description={
          capturing
            ? "No mail server is configured, so mails are captured here instead of sent. Open one to follow its links."
            : "Every mail the app sent for your company, newest first."
        }
      />
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-slate-500">No mail yet. Invitations and password resets appear here.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>To</th>
                  <th scope="col" className={TH}>Subject</th>
                  <th scope="col" className={TH}>Transport</th>
                  <th scope="col" className={TH}>Status</th>
                  <th scope="col" className={TH}>Time</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {rows.map((message) => (
                  <tr key={message.id} className="hover:bg-slate-50">
                    <td className={`${TD} text-slate-700`}>{message.to.join(", ")}</td>
                    <td className={`${TD} font-medium`}>
                      <Link href={`/admin/outbox/${message.id}`} className="text-brand hover:underline">
                        {message.subject}
                      </Link>
                    </td>
                    <td className={`${TD} text-slate-600`}>{message.transport === "smtp" ? "SMTP" : "Capture"}</td>
                    <td className={`${TD} whitespace-nowrap`}>
                      <DeliveryStatus message={message} />
                    </td>
                    <td className={`${TD} whitespace-nowrap text-slate-600`}>{formatWhen(message.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pageCount > 1 ? (
          <div className="border-t border-slate-100 px-4 py-3">
            <PageNumbers page={page} pageCount={pageCount} href={(number) => (number === 1 ? "/admin/outbox" : `/admin/outbox?page=${number}`)} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
