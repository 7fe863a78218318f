import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { join } from 'node:path';
import type { Language } from '../../shared/article/article';
import { MENU_EVENT_CHANNEL } from '../../shared/contract/bridge';
import { ed25519 } from '../../shared/identity/ed25519';
import { createHandlers, type HandlerContext, type HandlerTable } from '../handlers';
import { lockAfterMs } from '../handlers/idle-lock';
import { systemClock } from '../services/clock';
import { DataFolder } from '../services/data-folder';
import { RememberedKeys } from '../services/identity/remembered-keys';
import { openWorkspace } from '../services/open-workspace';
import { WindowSessions } from '../services/window-sessions';
import type { Workspace } from '../services/workspace';
import { registerIpc } from './ipc';
import { LiveDesk, registerDesktopNotices } from './live-desk';
import { printPdf } from './print-pdf';
import { createMainWindow } from './main-window';
import { buildMenu } from './menu';
import { handleProtocols, registerSchemes, rendererDir } from './protocols';
import { hardenSession } from './security';
import { safeStorageVault } from './key-vault';
import { createAppSettings } from './settings';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Lets the desktop e2e suite run on a throwaway profile.
if (process.env.NEWSROOM_USER_DATA) app.setPath('userData', process.env.NEWSROOM_USER_DATA);

registerSchemes();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let workspace: Workspace;
let handlers: HandlerTable;

function sampleDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'sample') : join(app.getAppPath(), 'resources', 'sample');
}

function menuLanguage(settings: ReturnType<typeof createAppSettings>): Language {
  return settings.store.get('language') ?? (app.getLocale().startsWith('zh') ? 'zh-CN' : 'en');
}

/** How often windows are checked for the idle lock. */
const IDLE_CHECK_MS = 15_000;

async function start(): Promise<void> {
  const settings = createAppSettings();
  const data = new DataFolder(app.getPath('userData'));
  const ed = await ed25519();
  const defaultRoot = join(app.getPath('userData'), 'Workspace');
  const live = new LiveDesk(() => mainWindow);
  const open = async (root: string) => {
    const opened = await openWorkspace({ root, clock: systemClock, data, ed });
    await live.follow(opened.layout.root, await data.deskId());
    return opened;
  };
  try {
    workspace = await open(settings.store.get('lastWorkspace') ?? defaultRoot);
  } catch (error) {
    dialog.showErrorBox('Workspace', `The last workspace could not be opened (${String(error)}); using the default one.`);
    workspace = await open(defaultRoot);
  }

  const chooseWorkspace = async () => {
    const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    const chosen = result.filePaths[0];
    if (result.canceled || !chosen) return null;
    workspace = await open(chosen);
    settings.store.set('lastWorkspace', chosen);
    mainWindow?.webContents.send(MENU_EVENT_CHANNEL, 'workspace-changed');
    return workspace.info();
  };

  const ctx: HandlerContext = {
    clock: systemClock,
    printPdf,
    data,
    sampleDir: sampleDir(),
    remembered: new RememberedKeys(data.root, safeStorageVault, ed),
    workspace: () => workspace,
    live: live.current,
    settings: {
      get: settings.machineSettings.get,
      update: (patch) => {
        const next = settings.machineSettings.update(patch);
        if (patch.language !== undefined) refreshMenu();
        return next;
      },
    },
    chooseWorkspace,
  };
  handlers = createHandlers(ctx);
  const sessions = new WindowSessions(() => settings.store.get('currentUserId'));
  setInterval(() => void lockAfterMs(ctx).then((ms) => sessions.lockIdle(ms)), IDLE_CHECK_MS).unref();

  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu({
        window: () => mainWindow,
        openWorkspace: () => void chooseWorkspace(),
        isDevelopment: !app.isPackaged,
        language: menuLanguage(settings),
      }),
    );

  hardenSession(session.defaultSession);
  handleProtocols(rendererDir(app.getAppPath()), () => workspace.assets);
  registerIpc(() => handlers, sessions, devServerUrl);
  registerDesktopNotices(() => mainWindow, devServerUrl);
  refreshMenu();
  mainWindow = createMainWindow(settings, devServerUrl);
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(settings, devServerUrl);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.whenReady().then(start, (error: unknown) => {
  dialog.showErrorBox('Newsroom Review', String(error));
  app.quit();
});
