// Rich-text sanitiser for the rich_text field. No sanitiser package is installed and this runs in the
// browser and on the server alike, so it is a small, conservative allow-list sanitiser of our own:
//
// - a tokenizer splits the input into text, tags, comments and declarations;
// - only b, i, u, strong, em, p, br, ul, ol, li, a, h1–h3, blockquote and code survive, written back
//   in lower case with no attributes — except `href` on `a`, kept only for http:, https: and mailto:
//   URLs and emitted with rel="nofollow noopener noreferrer";
// - every other tag is dropped (its text kept), and the contents of script, style, svg, math,
//   iframe, template, … are dropped entirely; comments and declarations are dropped;
// - all text is re-escaped (&, <, >, ", ') after decoding the few entities we know, so nothing the
//   browser could read as markup survives outside the tags we write ourselves;
// - open tags are closed, stray closing tags dropped, nesting capped.
// Safety does not depend on parsing like a browser does: the output is re-serialised from scratch
// from the allow-list, so a tokenizer disagreement can only lose formatting, never let markup through.
// The output is a fixed point: sanitising it again gives the same string (the property tests check).
const ALLOWED = new Set(["b", "i", "u", "strong", "em", "p", "br", "ul", "ol", "li", "a", "h1", "h2", "h3", "blockquote", "code"]);
const VOID = new Set(["br"]);
// Elements whose content is not text for the reader (code, styles, graphics, embedded documents).
const DROP_CONTENT = new Set(["script", "style", "svg", "math", "iframe", "object", "embed", "template", "noscript", "noembed", "noframes", "textarea", "title", "xmp", "select"]);
const MAX_DEPTH = 50;
const NONE = Number.MAX_SAFE_INTEGER;
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const ENTITY = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[a-zA-Z]{2,8});/g;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] !== "#") return Object.hasOwn(NAMED, body) ? NAMED[body] : whole;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const isValid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return isValid ? String.fromCodePoint(code) : "\ufffd";
  });
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
// NUL and other C0 controls except tab/newline/carriage return have no place in text.
const stripControls = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const cleanText = (text: string) => (NEEDS_WORK.test(text) ? escapeHtml(stripControls(decodeEntities(text))) : text);

type Tag = { name: string; isClosing: boolean; attributes: ReadonlyMap<string, string> };

const TAG_NAME = /[a-zA-Z][a-zA-Z0-9-]*/y;
// Most tags have no attributes; reading them with one regex keeps sanitising fast.
const SIMPLE_TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\s*\/?>$/;
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
const ATTRIBUTE = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

// Reads the tag text `source` ("<" … ">", with no other "<" or ">" inside); null when it is not a
// well-formed tag, in which case its "<" is text.
function readTag(source: string): Tag | null {
  const simple = SIMPLE_TAG.exec(source);
  if (simple) return { name: simple[2].toLowerCase(), isClosing: simple[1] === "/", attributes: NO_ATTRIBUTES };
  let at = 1;
  const isClosing = source[at] === "/";
  if (isClosing) at += 1;
  TAG_NAME.lastIndex = at;
  const name = TAG_NAME.exec(source);
  if (!name) return null;
  at = TAG_NAME.lastIndex;
  const attributes = new Map<string, string>();
  while (at < source.length) {
    while (at < source.length && (/\s/.test(source[at]) || source[at] === "/")) at += 1;
    if (source[at] === ">") return at === source.length - 1 ? { name: name[0].toLowerCase(), isClosing, attributes } : null;
    ATTRIBUTE.lastIndex = at;
    const attribute = ATTRIBUTE.exec(source);
    if (!attribute || ATTRIBUTE.lastIndex === at) return null;
    const key = attribute[1].toLowerCase();
    if (!attributes.has(key)) attributes.set(key, attribute[2] ?? attribute[3] ?? attribute[4] ?? "");
    at = ATTRIBUTE.lastIndex;
  }
  return null;
}

function safeHref(raw: string): string | null {
  const url = decodeEntities(raw).trim();
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"); refuse any control or space.
  if (/[\u0000-\u0020\u007f]/.test(url) || !SAFE_URL.test(url) || url.length > 2048) return null;
  return url;
}

function openTag(tag: Tag): string {
  if (tag.name !== "a") return `<${tag.name}>`;
  const href = safeHref(tag.attributes.get("href") ?? "");
  return href ? `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">` : "<a>";
}

// Index just past the closing tag of a dropped element (or the end of the input).
function skipContent(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}[\\s/>]`, "ig");
  close.lastIndex = from;
  const match = close.exec(html);
  if (!match) return html.length;
  const end = html.indexOf(">", match.index);
  return end === -1 ? html.length : end + 1;
}

/** Sanitises rich-text HTML to the allow-list above; total (never throws) and idempotent. */
export function sanitizeRichText(html: string): string {
  let out = "";
  const open: string[] = [];
  let at = 0;
  let nextGt = -1; // the next ">" at or after the current "<" (NONE when there is none)
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > at) out += cleanText(html.slice(at, textEnd));
    if (lt === -1) break;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === "!" || html[lt + 1] === "?") {
      const end = html.indexOf(">", lt);
      at = end === -1 ? html.length : end + 1;
      continue;
    }
    // A tag runs to the next ">" and may not contain another "<": every "<" then looks at its own
    // stretch of input only, which keeps sanitising linear on hostile input like "<a <a <a …".
    if (nextGt < lt) {
      const found = html.indexOf(">", lt);
      nextGt = found === -1 ? NONE : found;
    }
    const nextLt = html.indexOf("<", lt + 1);
    const isCandidate = nextGt !== NONE && (nextLt === -1 || nextGt < nextLt);
    const tag = isCandidate ? readTag(html.slice(lt, nextGt + 1)) : null;
    if (!tag) {
      out += "&lt;";
      at = lt + 1;
      continue;
    }
    at = nextGt + 1;
    if (DROP_CONTENT.has(tag.name)) {
      if (!tag.isClosing) at = skipContent(html, tag.name, at);
      continue;
    }
    if (!ALLOWED.has(tag.name)) continue;
    if (VOID.has(tag.name)) {
      if (!tag.isClosing) out += `<${tag.name}>`;
      continue;
    }
    if (!tag.isClosing) {
      if (open.length >= MAX_DEPTH) continue;
      open.push(tag.name);
      out += openTag(tag);
      continue;
    }
    const index = open.lastIndexOf(tag.name);
    if (index === -1) continue;
    while (open.length > index) out += `</${open.pop()}>`;
  }
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}

/** The reader-visible text of sanitised HTML, whitespace collapsed (for length and required checks). */
export function richTextToPlainText(sanitized: string): string {
  return decodeEntities(sanitized.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}
