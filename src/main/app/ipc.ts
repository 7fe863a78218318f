import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_NAMES } from '../../shared/contract/api';
import { ipcChannel } from '../../shared/contract/bridge';
import { dispatch, type HandlerTable } from '../handlers';
import type { WindowSession, WindowSessions } from '../services/window-sessions';
import { isTrustedSender } from './trusted-origin';

/** Each window's session, found by the webContents that sent the call; it ends with the window. */
function sessionOf(sender: WebContents, sessions: WindowSessions, known: Map<number, string>): WindowSession {
  const existing = sessions.find(known.get(sender.id));
  if (existing) return existing;
  const session = sessions.open();
  known.set(sender.id, session.id);
  sender.once('destroyed', () => {
    known.delete(sender.id);
    sessions.close(session.id);
  });
  return session;
}

/** One IPC channel per contract call; a sender outside our own page is refused. */
export function registerIpc(table: () => HandlerTable, sessions: WindowSessions, devServerUrl: string | undefined): void {
  const known = new Map<number, string>();
  for (const name of API_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'call refused: it did not come from the app page' } };
      }
      return dispatch(table(), name, input, { session: sessionOf(event.sender, sessions, known) });
    });
  }
}
