import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { richTextToPlainText, sanitizeRichText } from "./rich-text";

const ALLOWED_TAG = /^<\/?(b|i|u|strong|em|p|br|ul|ol|li|a|h1|h2|h3|blockquote|code)( href="[^"<>]*" rel="nofollow noopener noreferrer")?>$/;

/** Every tag in the output is one we write ourselves, and nothing script-like survives. */
function expectSafe(html: string): void {
  for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(ALLOWED_TAG);
  expect(html).not.toMatch(/<(?!\/?(b|i|u|strong|em|p|br|ul|ol|li|a|h1|h2|h3|blockquote|code)[ >])/);
  expect(html.toLowerCase()).not.toMatch(/href="\s*(javascript|data|vbscript):/);
}

describe("sanitizeRichText", () => {
  it.each([
    ["<p>Hello <b>world</b></p>", "<p>Hello <b>world</b></p>"],
    ["<P>Upper <STRONG>case</STRONG></P>", "<p>Upper <strong>case</strong></p>"],
    ["<ul><li>one</li><li>two</li></ul>", "<ul><li>one</li><li>two</li></ul>"],
    ["<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4>", "<h1>A</h1><h2>B</h2><h3>C</h3>D"],
    ["line<br>break<br/>again</br>", "line<br>break<br>again"],
    ["<blockquote><code>x &lt; y</code></blockquote>", "<blockquote><code>x &lt; y</code></blockquote>"],
  ])("keeps allowed formatting: %s", (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it.each([
    ["<script>alert(1)</script>ok", "ok"],
    ["<SCRIPT src=//evil.js></SCRIPT>ok", "ok"],
    ["<script>never closed", ""],
    ["<style>body{display:none}</style>text", "text"],
    ['<svg onload="alert(1)"><circle/></svg>after', "after"],
    ["<math><mi>x</mi></math>after", "after"],
    ['<iframe src="https://evil"></iframe>after', "after"],
    ['<img src=x onerror="alert(1)">', ""],
    ['<p onclick="alert(1)" style="color:red">x</p>', "<p>x</p>"],
    ['<b onmouseover=alert(1)>x</b>', "<b>x</b>"],
    ["<!-- <script>alert(1)</script> -->visible", "visible"],
    ["<!DOCTYPE html><?xml version='1.0'?>doc", "doc"],
    ["<div><span>kept text</span></div>", "kept text"],
  ])("drops dangerous markup: %s", (input, expected) => {
    const output = sanitizeRichText(input);
    expect(output).toBe(expected);
    expectSafe(output);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="java\tscript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="&#x6A;avascript&#x3A;alert(1)">x</a>', "<a>x</a>"],
    ['<a href="javascript&colon;alert(1)">x</a>', "<a>x</a>"],
    ['<a href=" javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="data:text/html,bad">x</a>', "<a>x</a>"],
    // A "<" inside a tag makes it text; the script inside is still dropped.
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', "&lt;a href=&quot;data:text/html,&quot;&gt;x"],
    ['<a href="vbscript:msgbox">x</a>', "<a>x</a>"],
    ['<a href="/relative/path">x</a>', "<a>x</a>"],
    ['<a href="//evil.example">x</a>', "<a>x</a>"],
  ])("refuses unsafe link targets: %s", (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it("keeps http(s) and mailto links, escaped, with rel", () => {
    expect(sanitizeRichText('<a href="https://example.com/?a=1&amp;b=2" target="_blank">x</a>')).toBe(
      '<a href="https://example.com/?a=1&amp;b=2" rel="nofollow noopener noreferrer">x</a>',
    );
    expect(sanitizeRichText("<a href='mailto:a@example.com'>mail</a>")).toBe('<a href="mailto:a@example.com" rel="nofollow noopener noreferrer">mail</a>');
    expect(sanitizeRichText('<a href="https://x.test/&quot;onmouseover=alert(1)">x</a>')).toBe(
      '<a href="https://x.test/&quot;onmouseover=alert(1)" rel="nofollow noopener noreferrer">x</a>',
    );
  });

  it("escapes text and handles entities without double-escaping", () => {
    expect(sanitizeRichText("Tom & Jerry <3 > 2")).toBe("Tom &amp; Jerry &lt;3 &gt; 2");
    expect(sanitizeRichText("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(sanitizeRichText("&amp;lt; &unknown; &#0; &#x110000; &quot;'")).toBe("&amp;lt; &amp;unknown; \ufffd \ufffd &quot;&#39;");
    expect(sanitizeRichText("a&nbsp;b")).toBe("a\u00a0b");
  });

  it("repairs malformed and unbalanced markup", () => {
    expect(sanitizeRichText("<b><i>x</b>")).toBe("<b><i>x</i></b>");
    expect(sanitizeRichText("</p>stray</em>")).toBe("stray");
    expect(sanitizeRichText("<p>open")).toBe("<p>open</p>");
    expect(sanitizeRichText('<a href="x>broken')).toBe('<a>broken</a>');
    expect(sanitizeRichText("<b <i>x")).toBe("&lt;b <i>x</i>");
    expect(sanitizeRichText("<<script>>alert(1)<</script>")).toBe("&lt;");
    expect(sanitizeRichText("a < b and c<d")).toBe("a &lt; b and c&lt;d");
    expect(sanitizeRichText("<p =x>t</p>")).toBe("&lt;p =x&gt;t");
  });

  it("caps nesting depth", () => {
    const deep = "<b>".repeat(500) + "x" + "</b>".repeat(500);
    const output = sanitizeRichText(deep);
    expect(output.match(/<b>/g)).toHaveLength(50);
    expect(sanitizeRichText(output)).toBe(output);
  });

  it("strips control characters from text", () => {
    expect(sanitizeRichText("a\u0000b\u0007c\nd")).toBe("abc\nd");
  });

  it("stays linear on hostile input", () => {
    for (const input of ["<a ".repeat(60_000), "<".repeat(200_000), '<a x="'.repeat(30_000) + ">", "<!--".repeat(50_000), "<script>".repeat(25_000)]) {
      const started = performance.now();
      expectSafe(sanitizeRichText(input));
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("is idempotent and safe on random markup soup (property)", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom("<", ">", "&", "&amp;", "&#x3c;", '"', "'", "=", "/", "<!--", "-->", "\t", "\u0000"),
      fc.constantFrom("b", "a", "p", "script", "svg", "li", "img", "style", "href", "onerror", "javascript:", "https://x.test", "mailto:a@b.c"),
      fc.constantFrom("<a href=", "<b>", "</b>", "<p ", "</script>", "<svg>", "<br/>", ' href="', "<img src=x onerror=", "<A HREF='"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join("")), (input) => {
        const once = sanitizeRichText(input);
        expectSafe(once);
        expect(sanitizeRichText(once)).toBe(once);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("richTextToPlainText", () => {
  it("gives the reader-visible text", () => {
    expect(richTextToPlainText(sanitizeRichText("<p>Hello&nbsp;<b>there</b></p><p>&lt;you&gt;</p>"))).toBe("Hello there <you>");
    expect(richTextToPlainText(sanitizeRichText("<p></p><br>"))).toBe("");
  });
});
