import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/article/article';
import type { MenuCommand } from '../../shared/contract/bridge';
import { MENU_EVENT_CHANNEL } from '../../shared/contract/bridge';
import { menuLabels } from './menu-labels';

export interface MenuActions {
  window: () => BrowserWindow | null;
  openWorkspace: () => void;
  isDevelopment: boolean;
  language: Language;
}

function send(actions: MenuActions, command: MenuCommand): void {
  actions.window()?.webContents.send(MENU_EVENT_CHANNEL, command);
}

export function buildMenu(actions: MenuActions): Menu {
  const t = menuLabels(actions.language);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.newArticle, accelerator: 'CmdOrCtrl+N', click: () => send(actions, 'new-article') },
        { label: t.save, accelerator: 'CmdOrCtrl+S', click: () => send(actions, 'save') },
        { type: 'separator' },
        { label: t.openWorkspace, accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
        { type: 'separator' },
        isMac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'pasteAndMatchStyle', label: t.pastePlain },
        { role: 'selectAll', label: t.selectAll },
        { type: 'separator' },
        { label: t.find, accelerator: 'CmdOrCtrl+F', click: () => send(actions, 'find') },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
        ...(actions.isDevelopment
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    {
      label: t.language,
      submenu: [
        {
          label: '简体中文',
          type: 'radio',
          checked: actions.language === 'zh-CN',
          click: () => send(actions, 'language-zh-CN'),
        },
        { label: 'English', type: 'radio', checked: actions.language === 'en', click: () => send(actions, 'language-en') },
      ],
    },
    { role: 'windowMenu', label: t.window },
  ];
  return Menu.buildFromTemplate(template);
}
