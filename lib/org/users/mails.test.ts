import { describe, expect, it } from "vitest";
import { invitationMail, passwordResetMail } from "@/lib/org/users/mails";

const expiresAt = new Date("2030-01-08T10:00:00Z");

describe("account mails", () => {
  it("escape every value in the HTML body and keep the link in both bodies", () => {
    const link = "http://localhost:3000/invitations/abc?x=1&y=2";
    const mail = invitationMail({ companyName: "<script>alert(1)</script> & Co", inviterName: 'Eve "quote"', link, expiresAt });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(mail.html).toContain("Eve &quot;quote&quot;");
    expect(mail.html).toContain('href="http://localhost:3000/invitations/abc?x=1&amp;y=2"');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("<script>alert(1)</script> & Co"); // plain text is not HTML
    expect(mail.subject).toContain("Co on Flowright");
  });

  it("say when the reset link expires", () => {
    const mail = passwordResetMail({ name: "<b>Bo</b>", companyName: "Acme", link: "http://x/reset-password/t", expiresAt });
    expect(mail.html).toContain("Hello &lt;b&gt;Bo&lt;/b&gt;");
    expect(mail.text).toContain("8 Jan 2030, 10:00 UTC");
  });
});
