import "server-only";
import { env } from "@/lib/env";
import { escapeHtml } from "@/lib/mail/escape";
import { sendMail } from "@/lib/mail/send";
import type { Mail } from "./persist";

// Emails go out AFTER the transition committed, in the background: a slow or failing mail server
// must neither delay nor undo a decision (the in-app notification rows are already committed).
// Failures are logged. `settleFlowMail()` lets tests and scripts wait for what is in flight.

const inFlight = new Set<Promise<void>>();

/** Switch for benchmarks and bulk tools that measure the transition alone. */
export const flowMailOptions = { enabled: true };

function render(companyId: string, mail: Mail) {
  const url = new URL(mail.link, env().APP_URL).toString();
  const greeting = mail.name ? `Hello ${mail.name},` : "Hello,";
  return {
    companyId,
    to: [mail.email],
    subject: mail.title,
    text: `${greeting}\n\n${mail.title}\n\n${mail.body}\n\nOpen it: ${url}\n`,
    html: `<p>${escapeHtml(greeting)}</p><p><strong>${escapeHtml(mail.title)}</strong></p><p>${escapeHtml(mail.body).replaceAll("\n", "<br>")}</p><p><a href="${escapeHtml(url)}">Open the request</a></p>`,
  };
}

/** Sends one email per notified user, in the background. */
export function deliverFlowMail(companyId: string, mails: readonly Mail[]): void {
  if (!flowMailOptions.enabled || mails.length === 0) return;
  const work = (async () => {
    for (const mail of mails) {
      try {
        const sent = await sendMail(render(companyId, mail));
        if (sent.error) console.error(`flow mail to user ${mail.userId} failed: ${sent.error}`);
      } catch (error) {
        console.error(`flow mail to user ${mail.userId} failed:`, (error as Error).message);
      }
    }
  })();
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
}

/** Waits for every email handed to `deliverFlowMail` so far. */
export async function settleFlowMail(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
