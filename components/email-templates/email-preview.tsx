"use client";

import type { TRenderedEmail } from "@/lib/email-templates/render";

/**
 * A rendered email: subject, the HTML in a sandboxed frame (no scripts, no same-origin access — the
 * body is user-written), and the plain-text part.
 */
export function EmailPreview({ email, title = "Preview" }: { email: Pick<TRenderedEmail, "subject" | "html" | "text" | "missing">; title?: string }) {
  return (
    <section aria-label={title} className="space-y-2">
      <p className="text-sm">
        <span className="text-slate-500">Subject: </span>
        <span className="font-medium">{email.subject || "—"}</span>
      </p>
      <iframe title={`${title}: HTML body`} sandbox="" srcDoc={`<!doctype html><meta charset="utf-8"><body style="font-family:system-ui,sans-serif;font-size:14px;color:#0f172a">${email.html}</body>`} className="h-64 w-full rounded-md border border-slate-200 bg-white" />
      <details>
        <summary className="cursor-pointer text-sm text-slate-600">Plain-text part</summary>
        <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 text-xs">{email.text}</pre>
      </details>
      {email.missing.length ? (
        <p className="text-sm text-amber-700">No value for {email.missing.map((name) => `{{${name}}}`).join(", ")}.</p>
      ) : null}
    </section>
  );
}
