import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { hardenWebContents } from './security';
import type { AppSettings } from './settings';
import { APP_ENTRY } from './trusted-origin';
import { secureWebPreferences } from './web-preferences';
import { restoredBounds, trackWindowState } from './window-state';

export function createMainWindow(settings: AppSettings, devServerUrl: string | undefined): BrowserWindow {
  const bounds = restoredBounds(settings);
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Newsroom Review',
    backgroundColor: '#f6f5f1',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  hardenWebContents(window.webContents, devServerUrl);
  if (bounds.maximized) window.maximize();
  trackWindowState(window, settings);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY);
  return window;
}
