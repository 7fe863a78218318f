import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_NAMES_LIST } from '../shared/contract/api-names';
import { DESKTOP_NOTICE_CHANNEL, ipcChannel, MENU_COMMANDS, MENU_EVENT_CHANNEL, WORKSPACE_CHANGE_CHANNEL, type Bridge, type DesktopNotice, type MenuCommand } from '../shared/contract/bridge';
import { isWorkspaceChange, type WorkspaceChange } from '../shared/live/workspace-change';
import { ASSET_SCHEME } from '../shared/security/csp';

// One method per contract call; the page never sees ipcRenderer itself.
const api = Object.fromEntries(
  API_NAMES_LIST.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as Bridge['api'];

const bridge = {
  api,
  host: 'electron',
  assetUrl: (asset: string) => `${ASSET_SCHEME}://image/${encodeURIComponent(asset)}`,
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) {
        listener(command as MenuCommand);
      }
    };
    ipcRenderer.on(MENU_EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(MENU_EVENT_CHANNEL, handler);
  },
  onWorkspaceChange(listener: (change: WorkspaceChange) => void) {
    const handler = (_event: IpcRendererEvent, change: unknown) => {
      if (isWorkspaceChange(change)) listener(change);
    };
    ipcRenderer.on(WORKSPACE_CHANGE_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(WORKSPACE_CHANGE_CHANNEL, handler);
  },
  notify(notice: DesktopNotice) {
    ipcRenderer.send(DESKTOP_NOTICE_CHANNEL, { title: String(notice.title), body: String(notice.body) });
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('bridge', bridge);
