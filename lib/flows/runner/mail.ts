import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { escapeHtml } from "@/lib/mail/escape";
import { sendMail } from "@/lib/mail/send";

// Flow emails are jobs (`flow-mail`), enqueued in the same statement as the decision that caused
// them (persist.ts): a slow or failing mail server neither delays nor undoes a decision, and a crash
// after the commit cannot lose one. One job per recipient; the job runner sends it.

export const ZFlowMail = z.object({
  companyId: z.uuid(),
  userId: z.uuid(),
  email: z.string().min(3),
  name: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
});
export type FlowMail = z.infer<typeof ZFlowMail>;

function render(mail: FlowMail) {
  const url = new URL(mail.link, env().APP_URL).toString();
  const greeting = mail.name ? `Hello ${mail.name},` : "Hello,";
  return {
    companyId: mail.companyId,
    to: [mail.email],
    subject: mail.title,
    text: `${greeting}\n\n${mail.title}\n\n${mail.body}\n\nOpen it: ${url}\n`,
    html: `<p>${escapeHtml(greeting)}</p><p><strong>${escapeHtml(mail.title)}</strong></p><p>${escapeHtml(mail.body).replaceAll("\n", "<br>")}</p><p><a href="${escapeHtml(url)}">Open the request</a></p>`,
  };
}

/**
 * Sends one flow email. An SMTP failure is recorded on the stored message (sendMail does not throw
 * for it), so the job completes rather than mailing the person again and again.
 */
export async function deliverFlowMail(mail: FlowMail): Promise<void> {
  const sent = await sendMail(render(mail));
  if (sent.error) console.error(`flow mail to user ${mail.userId} failed: ${sent.error}`);
}
