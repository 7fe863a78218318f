import Store from 'electron-store';
import { userInfo } from 'node:os';
import type { MachineSettings, SettingsStore } from '../services/settings-store';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface StoredSettings {
  language: MachineSettings['language'];
  /** Who first ran the app here; the first person of a new workspace. */
  userName: string;
  /** The person last chosen here; a new window starts with them. */
  currentUserId: string | null;
  lastWorkspace: string | null;
  window: WindowBounds | null;
}

/** electron-store keeps settings only; articles live in the workspace folder. */
export function createAppSettings() {
  const store = new Store<StoredSettings>({
    name: 'settings',
    defaults: { language: null, userName: safeUserName(), currentUserId: null, lastWorkspace: null, window: null },
    clearInvalidConfig: true,
  });
  const machineSettings: SettingsStore = {
    get: () => ({ language: store.get('language'), currentUserId: store.get('currentUserId') }),
    update: (patch) => {
      if (patch.language !== undefined) store.set('language', patch.language);
      if (patch.currentUserId !== undefined) store.set('currentUserId', patch.currentUserId);
      return machineSettings.get();
    },
  };
  return { store, machineSettings };
}
export type AppSettings = ReturnType<typeof createAppSettings>;

function safeUserName(): string {
  try {
    return userInfo().username || 'Reporter';
  } catch {
    return 'Reporter';
  }
}
