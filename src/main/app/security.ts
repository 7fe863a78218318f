import { shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/security/urls';
import { isOwnPageUrl } from './trusted-origin';

/** Denies new windows, navigation, webviews and permissions; web links go to the system browser. */
export function hardenWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPageUrl(url, devServerUrl)) {
      event.preventDefault();
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPageUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
