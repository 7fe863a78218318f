import { screen, type BrowserWindow } from 'electron';
import type { AppSettings, WindowBounds } from './settings';

const DEFAULT_BOUNDS: WindowBounds = { width: 1360, height: 900, maximized: false };

/** The saved bounds, if they still fit on a connected display. */
export function restoredBounds(settings: AppSettings): WindowBounds {
  const saved = settings.store.get('window');
  if (!saved) return DEFAULT_BOUNDS;
  const visible = screen.getAllDisplays().some(({ workArea }) => {
    if (saved.x === undefined || saved.y === undefined) return true;
    return (
      saved.x < workArea.x + workArea.width &&
      saved.x + saved.width > workArea.x &&
      saved.y < workArea.y + workArea.height &&
      saved.y + saved.height > workArea.y
    );
  });
  return visible ? saved : DEFAULT_BOUNDS;
}

export function trackWindowState(window: BrowserWindow, settings: AppSettings): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const maximized = window.isMaximized();
    const bounds = maximized ? (settings.store.get('window') ?? DEFAULT_BOUNDS) : window.getBounds();
    settings.store.set('window', { ...bounds, maximized });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
