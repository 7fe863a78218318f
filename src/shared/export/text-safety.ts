/**
 * Text hygiene shared by every exporter: characters no output format can carry are removed,
 * markup-significant characters are escaped. Links follow the one link rule (security/urls.ts),
 * applied where the copy's runs are made (article/copy-blocks.ts).
 */

// C0 controls other than tab and line feed, DEL and the C1 controls: invalid in XML (DOCX) and
// parse errors in HTML. Carriage returns are folded into line feeds first.
// eslint-disable-next-line no-control-regex -- finding control characters is the point: they are removed
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// A surrogate half without its partner cannot be encoded as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CRLF = /\r\n?/g;

/** The text with line ends as \n, and without control characters or broken surrogates. */
export function cleanText(text: string): string {
  return text.replace(CRLF, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Replaces every line break and run of whitespace with one space: for one-line fields. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/g;

/** Escapes text for HTML element content and double- or single-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(HTML_SPECIAL, (ch) => HTML_ESCAPES[ch]!);
}
