import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatWhen } from "@/components/org/format";
import { requireOutboxPrincipal } from "@/app/(app)/admin/outbox/access";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getOutboxMessage } from "@/lib/mail/queries";

export const metadata: Metadata = { title: "Mail" };

/** The plain-text body with this app's own links clickable; any other URL stays text. */
function TextBody({ text, appUrl }: { text: string; appUrl: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"']+)/g);
  return (
    <pre className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 font-mono text-sm text-slate-800">
      {parts.map((part, index) =>
        index % 2 === 1 && part.startsWith(`${appUrl}/`) ? (
          <a key={index} href={part} className="text-brand underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

async function loadMessage(companyId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await getOutboxMessage(companyId, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requireOutboxPrincipal();
  const message = await loadMessage(principal.companyId, (await params).id);
  const status = message.error ? `Failed: ${message.error}` : message.sentAt ? `Sent ${formatWhen(message.sentAt)}` : message.transport === "capture" ? "Captured (no mail server configured)" : "Not sent yet";

  return (
    <div className="space-y-5">
      <Link href="/admin/outbox" className="text-sm text-slate-500 hover:text-slate-900">
        ← Outbox
      </Link>
      <PageHeader title={message.subject} />
      <Card className="p-5">
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">To</dt>
            <dd className="mt-0.5 break-all">{message.to.join(", ")}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Created</dt>
            <dd className="mt-0.5">{formatWhen(message.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Delivery</dt>
            <dd className={message.error ? "mt-0.5 text-red-700" : "mt-0.5"}>{status}</dd>
          </div>
        </dl>
      </Card>
      <div className="grid gap-5 xl:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-700">HTML</h2>
          {/* sandbox="" : no scripts, no same-origin access, no navigation — the body is only shown. */}
          <iframe title="HTML body of the mail" sandbox="" srcDoc={message.html} className="h-[28rem] w-full rounded-md border border-slate-200 bg-white" />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-700">Plain text</h2>
          {message.text ? <TextBody text={message.text} appUrl={env().APP_URL} /> : <p className="text-sm text-slate-500">This mail has no plain-text body.</p>}
        </Card>
      </div>
    </div>
  );
}
