import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_NAMES } from '../../shared/contract/api';
import { ipcChannel } from '../../shared/contract/bridge';
import { dispatch, type HandlerTable } from '../handlers';
import { isTrustedSender } from './trusted-origin';

/** One IPC channel per contract call; a sender outside our own page is refused. */
export function registerIpc(table: () => HandlerTable, devServerUrl: string | undefined): void {
  for (const name of API_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'call refused: it did not come from the app page' } };
      }
      return dispatch(table(), name, input);
    });
  }
}
