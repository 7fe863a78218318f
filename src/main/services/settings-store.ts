import type { Settings } from '../../shared/contract/api';

/** Settings the page may read and change; electron-store in the app, memory in the preview. */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export class MemorySettingsStore implements SettingsStore {
  private settings: Settings;
  constructor(initial: Settings) {
    this.settings = { ...initial };
  }
  get(): Settings {
    return { ...this.settings };
  }
  update(patch: Partial<Settings>): Settings {
    this.settings = { ...this.settings, ...patch };
    return this.get();
  }
}
