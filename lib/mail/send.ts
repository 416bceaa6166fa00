import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// The project's mail layer. Every message is recorded in `mail_messages`; it is delivered over SMTP
// when SMTP_URL is set, and otherwise only captured there — the development "outbox" that admins can
// read in the app, so invitation and reset links can be followed without a mail server.

export type OutgoingMail = {
  companyId: string | null;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /**
   * Secrets in the body (e.g. a password-reset token). When the mail really goes out over SMTP, the
   * stored copy has them replaced, so nobody can read a working link from the outbox; in capture
   * mode (no SMTP, development) the stored copy is the only delivery, so it keeps them.
   */
  secrets?: string[];
};

function redact(body: string, secrets: string[] | undefined): string {
  return (secrets ?? []).filter((secret) => secret.length >= 8).reduce((text, secret) => text.replaceAll(secret, "[redacted]"), body);
}

let transporter: Transporter | null | undefined;

function smtpTransport(): Transporter | null {
  if (transporter === undefined) {
    const url = env().SMTP_URL;
    transporter = url ? nodemailer.createTransport(url) : null;
  }
  return transporter;
}

/**
 * Sends (or captures) one message and records it. SMTP failures are recorded on the message and
 * returned, not thrown: a mail server being down must not undo the change that caused the mail.
 */
export async function sendMail(mail: OutgoingMail): Promise<{ id: string; delivered: boolean; error?: string }> {
  const transport = smtpTransport();
  const stored = transport ? { html: redact(mail.html, mail.secrets), text: redact(mail.text, mail.secrets) } : { html: mail.html, text: mail.text };
  const record = await db.mailMessage.create({
    data: { companyId: mail.companyId, to: mail.to, subject: mail.subject, ...stored, transport: transport ? "smtp" : "capture" },
    select: { id: true },
  });
  if (!transport) return { id: record.id, delivered: false };
  try {
    await transport.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
    await db.mailMessage.update({ where: { id: record.id }, data: { sentAt: new Date() } });
    return { id: record.id, delivered: true };
  } catch (error) {
    const message = (error as Error).message.slice(0, 500);
    await db.mailMessage.update({ where: { id: record.id }, data: { error: message } });
    return { id: record.id, delivered: false, error: message };
  }
}
