import { describe, expect, it } from 'vitest';
import { MemorySettingsStore } from '../../../src/main/services/settings-store';

describe('MemorySettingsStore', () => {
  it('applies patches and hands out copies that cannot change the store', () => {
    const store = new MemorySettingsStore({ language: null, userName: 'Reporter' });
    expect(store.update({ language: 'en' })).toEqual({ language: 'en', userName: 'Reporter' });
    const copy = store.get();
    copy.userName = 'changed from outside';
    expect(store.get()).toEqual({ language: 'en', userName: 'Reporter' });
  });
});
