import { escapeHtml, renderTemplate, templateVariables } from "@/lib/triggers/template";

// Rendering a template for a preview or a send: subject and text escaped for their medium, the HTML
// body's values HTML-escaped; the plain-text alternative derived from the HTML when none is written.

export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6])\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "• ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export type TRenderedEmail = { subject: string; html: string; text: string; missing: string[]; variables: string[] };

export function renderEmail(template: { subject: string; bodyHtml: string; bodyText?: string | null }, data: unknown): TRenderedEmail {
  const subject = renderTemplate(template.subject, data, "text");
  const html = renderTemplate(template.bodyHtml, data, "html");
  const text = template.bodyText ? renderTemplate(template.bodyText, data, "text") : { output: htmlToText(html.output), missing: [] };
  return {
    subject: subject.output.replace(/[\r\n]+/g, " "),
    html: html.output,
    text: text.output,
    missing: [...new Set([...subject.missing, ...html.missing, ...text.missing])],
    variables: templateVariables(`${template.subject}\n${template.bodyHtml}\n${template.bodyText ?? ""}`),
  };
}

export { escapeHtml };
