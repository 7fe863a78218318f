import type { Language } from '../../shared/article/article';

/** This machine's settings; electron-store in the app, memory in the preview. */
export interface MachineSettings {
  language: Language | null;
  /** The person last chosen on this machine: a new window starts with them (each window then keeps its own). */
  currentUserId: string | null;
}

export interface SettingsStore {
  get(): MachineSettings;
  update(patch: Partial<MachineSettings>): MachineSettings;
}

export class MemorySettingsStore implements SettingsStore {
  private settings: MachineSettings;
  constructor(initial: MachineSettings) {
    this.settings = { ...initial };
  }
  get(): MachineSettings {
    return { ...this.settings };
  }
  update(patch: Partial<MachineSettings>): MachineSettings {
    this.settings = { ...this.settings, ...patch };
    return this.get();
  }
}
