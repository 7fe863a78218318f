/**
 * Text from a workspace is printed to a terminal: control characters (escape sequences could
 * rewrite the screen) and invisible format characters (bidi overrides could disguise it) are
 * shown as \u escapes instead of being sent as they are.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point: they are shown escaped
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cf}]/gu;
// eslint-disable-next-line no-control-regex -- as above, line breaks included
const UNPRINTABLE_WITH_NEWLINE = /[\u0000-\u0009\u000A-\u001F\u007F-\u009F\p{Cf}]/gu;

function escape(ch: string): string {
  return `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/** The text, safe to print; line breaks are kept only when `multiline`. */
export function printable(text: string, multiline = false): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (multiline) return normalized.replace(UNPRINTABLE, escape).trim();
  return normalized.replace(UNPRINTABLE_WITH_NEWLINE, (ch) => (ch === '\n' || ch === '\t' ? ' ' : escape(ch))).trim();
}
