import { escapeHtml } from "@/lib/mail/escape";

// The texts of the account mails (HTML and plain text). Pure: every interpolated value is escaped.

export type MailContent = { subject: string; html: string; text: string };

function layout(paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  return [
    '<div style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;line-height:1.5;color:#0f172a;max-width:560px">',
    ...paragraphs.map((text) => `<p>${text}</p>`),
    `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#2563eb;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`,
    `<p style="font-size:13px;color:#475569;word-break:break-all">If the button does not work, copy this link into your browser:<br>${escapeHtml(action.url)}</p>`,
    `<p style="font-size:13px;color:#64748b">${footer}</p>`,
    "</div>",
  ].join("\n");
}

function formatDate(date: Date): string {
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

/** The invitation mail; the link is `${APP_URL}/invitations/<token>`. */
export function invitationMail(input: { companyName: string; inviterName: string | null; link: string; expiresAt: Date }): MailContent {
  const inviter = input.inviterName ? `${input.inviterName} has invited you` : "You have been invited";
  return {
    subject: `You're invited to join ${input.companyName} on Flowright`,
    html: layout(
      [`Hello,`, `${escapeHtml(inviter)} to join <strong>${escapeHtml(input.companyName)}</strong> on Flowright.`, "Choose your name and a password to get started."],
      { label: "Accept the invitation", url: input.link },
      `This invitation works once and expires on ${escapeHtml(formatDate(input.expiresAt))}. If you did not expect it, ignore this email.`,
    ),
    text: [
      "Hello,",
      "",
      `${inviter} to join ${input.companyName} on Flowright.`,
      "Choose your name and a password to get started:",
      "",
      input.link,
      "",
      `This invitation works once and expires on ${formatDate(input.expiresAt)}. If you did not expect it, ignore this email.`,
    ].join("\n"),
  };
}

/**
 * Sent instead of an invitation link when the address already has an account in another company
 * (an account belongs to one company), so the inviter learns nothing about other companies.
 */
export function accountElsewhereMail(input: { companyName: string; inviterName: string | null; signInUrl: string }): MailContent {
  const inviter = input.inviterName ? `${input.inviterName} tried to invite you` : "Someone tried to invite you";
  const explanation = "This email address already has a Flowright account with another company, and an account belongs to one company only.";
  const advice = `If you want to join ${input.companyName}, ask them to invite another email address. You can keep signing in to your existing account as usual.`;
  return {
    subject: `Your invitation to ${input.companyName} on Flowright`,
    html: layout(
      ["Hello,", `${escapeHtml(inviter)} to join <strong>${escapeHtml(input.companyName)}</strong> on Flowright.`, escapeHtml(explanation), escapeHtml(advice)],
      { label: "Sign in to your account", url: input.signInUrl },
      "If you did not expect this, ignore this email: nothing has changed in your account.",
    ),
    text: ["Hello,", "", `${inviter} to join ${input.companyName} on Flowright.`, explanation, advice, "", input.signInUrl, "", "If you did not expect this, ignore this email: nothing has changed in your account."].join("\n"),
  };
}

/** The password reset mail; the link is `${APP_URL}/reset-password/<token>`. */
export function passwordResetMail(input: { name: string; companyName: string; link: string; expiresAt: Date }): MailContent {
  return {
    subject: "Reset your Flowright password",
    html: layout(
      [`Hello ${escapeHtml(input.name)},`, `An administrator of <strong>${escapeHtml(input.companyName)}</strong> asked for your Flowright password to be reset.`, "Choose a new password with the link below."],
      { label: "Choose a new password", url: input.link },
      `The link works once and expires on ${escapeHtml(formatDate(input.expiresAt))}. Choosing a new password signs you out everywhere.`,
    ),
    text: [
      `Hello ${input.name},`,
      "",
      `An administrator of ${input.companyName} asked for your Flowright password to be reset. Choose a new password here:`,
      "",
      input.link,
      "",
      `The link works once and expires on ${formatDate(input.expiresAt)}. Choosing a new password signs you out everywhere.`,
    ].join("\n"),
  };
}
