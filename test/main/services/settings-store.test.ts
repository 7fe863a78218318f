import { describe, expect, it } from 'vitest';
import { MemorySettingsStore } from '../../../src/main/services/settings-store';

describe('MemorySettingsStore', () => {
  it('applies patches and hands out copies that cannot change the store', () => {
    const store = new MemorySettingsStore({ language: null, currentUserId: 'u-abcdef01' });
    expect(store.update({ language: 'en' })).toEqual({ language: 'en', currentUserId: 'u-abcdef01' });
    const copy = store.get();
    copy.currentUserId = 'u-changed00';
    expect(store.get()).toEqual({ language: 'en', currentUserId: 'u-abcdef01' });
  });

  it('changes the current user without touching the language, and can clear it', () => {
    const store = new MemorySettingsStore({ language: 'zh-CN', currentUserId: null });
    expect(store.update({ currentUserId: 'u-abcdef01' })).toEqual({ language: 'zh-CN', currentUserId: 'u-abcdef01' });
    expect(store.update({ currentUserId: null })).toEqual({ language: 'zh-CN', currentUserId: null });
  });
});
