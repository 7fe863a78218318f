import { describe, expect, it } from 'vitest';
import { isSyncInProgress } from '../../../src/shared/files/sync-traces';

describe('files a sync service is still downloading', () => {
  it('are told apart from logs, conflict copies and set-aside tails', () => {
    for (const name of [
      '.syncthing.u-wangli01.d-0123456789.jsonl.tmp',
      '~syncthing~u-wangli01.d-0123456789.jsonl.tmp',
      '.u-wangli01.d-0123456789.jsonl.~1f3a9c',
      'u-wangli01.d-0123456789.jsonl.!sync',
    ]) {
      expect(isSyncInProgress(name), name).toBe(true);
    }
    for (const name of [
      'u-wangli01.d-0123456789.jsonl',
      'u-wangli01.d-0123456789.sync-conflict-20260301-080000-ABCDEFG.jsonl',
      'u-wangli01.d-0123456789 (conflicted copy 2026-03-01).jsonl',
      'u-wangli01.d-0123456789.jsonl.torn-0123456789abcdef',
      '.syncthing.tmp',
      'notes.tmp',
    ]) {
      expect(isSyncInProgress(name), name).toBe(false);
    }
  });
});
