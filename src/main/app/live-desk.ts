import { ipcMain, Notification, type BrowserWindow, type IpcMainEvent } from 'electron';
import { DESKTOP_NOTICE_CHANNEL, DESKTOP_NOTICE_LIMITS, WORKSPACE_CHANGE_CHANNEL } from '../../shared/contract/bridge';
import { LiveWorkspace } from '../services/live/live-workspace';
import { isTrustedSender } from './trusted-origin';

/**
 * The open workspace, watched: what other desks change goes to the window on the change feed.
 * Opening another workspace stops watching the one before.
 */
export class LiveDesk {
  private live: LiveWorkspace | null = null;

  constructor(private readonly window: () => BrowserWindow | null) {}

  current = (): LiveWorkspace | null => this.live;

  async follow(root: string, deskId: string): Promise<void> {
    this.live?.close();
    this.live = null;
    const live = await LiveWorkspace.start(root, deskId, { warn: (message) => console.warn(message) });
    live.feed.subscribe((change) => {
      const contents = this.window()?.webContents;
      if (contents && !contents.isDestroyed()) contents.send(WORKSPACE_CHANGE_CHANNEL, change);
    });
    this.live = live;
  }
}

/** The page's desktop notices (something arrived for the person here), shown while the window is not in front. */
export function registerDesktopNotices(window: () => BrowserWindow | null, devServerUrl: string | undefined): void {
  ipcMain.on(DESKTOP_NOTICE_CHANNEL, (event: IpcMainEvent, notice: unknown) => {
    if (!isTrustedSender(event.senderFrame, devServerUrl) || !Notification.isSupported()) return;
    const { title, body } = (notice ?? {}) as { title?: unknown; body?: unknown };
    if (typeof title !== 'string' || typeof body !== 'string') return;
    const shown = window();
    if (shown?.isFocused()) return;
    const notification = new Notification({ title: title.slice(0, DESKTOP_NOTICE_LIMITS.title), body: body.slice(0, DESKTOP_NOTICE_LIMITS.body) });
    notification.on('click', () => {
      if (shown?.isMinimized()) shown.restore();
      shown?.focus();
    });
    notification.show();
  });
}
