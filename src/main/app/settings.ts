import Store from 'electron-store';
import { userInfo } from 'node:os';
import type { Settings } from '../../shared/contract/api';
import type { SettingsStore } from '../services/settings-store';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface StoredSettings {
  language: Settings['language'];
  userName: string;
  lastWorkspace: string | null;
  window: WindowBounds | null;
}

/** electron-store keeps settings only; articles live in the workspace folder. */
export function createAppSettings() {
  const store = new Store<StoredSettings>({
    name: 'settings',
    defaults: { language: null, userName: safeUserName(), lastWorkspace: null, window: null },
    clearInvalidConfig: true,
  });
  const pageSettings: SettingsStore = {
    get: () => ({ language: store.get('language'), userName: store.get('userName') }),
    update: (patch) => {
      if (patch.language !== undefined) store.set('language', patch.language);
      if (patch.userName !== undefined) store.set('userName', patch.userName);
      return pageSettings.get();
    },
  };
  return { store, pageSettings };
}
export type AppSettings = ReturnType<typeof createAppSettings>;

function safeUserName(): string {
  try {
    return userInfo().username || 'Reporter';
  } catch {
    return 'Reporter';
  }
}
