const COMMON = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
];

export const ASSET_SCHEME = 'workspace-asset';
export const APP_SCHEME = 'app';

/** The page's policy inside Electron: workspace images come through their own scheme. */
export const CONTENT_SECURITY_POLICY = [...COMMON, `img-src 'self' blob: ${ASSET_SCHEME}:`].join('; ');

/** The same policy for the browser preview, where images are served by the preview itself. */
export const CONTENT_SECURITY_POLICY_PREVIEW = [...COMMON, "img-src 'self' blob:", "frame-ancestors 'none'"].join('; ');
