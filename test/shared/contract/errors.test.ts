import { describe, expect, it } from 'vitest';
import { AppErrorSchema, AppFailure, toAppError } from '../../../src/shared/contract/errors';

describe('toAppError', () => {
  it('keeps the code and message of an AppFailure', () => {
    expect(toAppError(new AppFailure('conflict', 'saved elsewhere'))).toEqual({ code: 'conflict', message: 'saved elsewhere' });
  });

  it('turns anything else into an internal error that still validates', () => {
    for (const thrown of [new TypeError('x is undefined'), 'a string', 42, null]) {
      const error = toAppError(thrown);
      expect(error.code).toBe('internal');
      expect(AppErrorSchema.parse(error)).toEqual(error);
    }
    expect(toAppError(new TypeError('x is undefined')).message).toBe('x is undefined');
  });

  it('puts disk errors into plain words with the code io', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/ws/articles/a/article.json' });
    expect(toAppError(full)).toEqual({ code: 'io', message: 'the disk is full (/ws/articles/a/article.json)' });
    expect(toAppError(Object.assign(new Error('x'), { code: 'EACCES' }))).toEqual({ code: 'io', message: 'permission denied' });
    expect(toAppError(Object.assign(new Error('x'), { code: 'ESOMETHINGELSE' })).code).toBe('internal');
  });
});
