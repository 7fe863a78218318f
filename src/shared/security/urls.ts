/**
 * The one rule for link targets, wherever an article's link is saved, rendered or exported:
 * a web link (http or https, with a host and no user name or password) or a mail link, given
 * back normalized; null for every other scheme (javascript:, data:, vbscript:, file:, …) and
 * for anything that does not parse.
 */
export function safeLinkTarget(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return url.hostname.length > 0 && !url.username && !url.password ? url.href : null;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0 ? url.href : null;
  return null;
}

/** Only web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  const target = safeLinkTarget(raw);
  return target !== null && !target.startsWith('mailto:');
}
