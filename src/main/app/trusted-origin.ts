import { APP_SCHEME } from '../../shared/security/csp';

export const APP_ORIGIN = `${APP_SCHEME}://renderer`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True when a URL belongs to our own page: the bundled renderer, or the dev server in development. */
export function isOwnPageUrl(raw: string, devServerUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (`${url.protocol}//${url.host}` === APP_ORIGIN) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return url.origin === dev.origin;
  }
  return false;
}

/** A call is taken only from the top frame of our own page, never from a subframe. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, devServerUrl: string | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isOwnPageUrl(frame.url, devServerUrl);
}
