import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../../src/main/services/keyed-queue';

/** A promise the test settles by hand, so the order of events does not depend on timing. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('KeyedQueue', () => {
  it('runs tasks of one key one at a time, in order', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const first = gate();
    const a = queue.run('article', async () => {
      events.push('a start');
      await first.opened;
      events.push('a end');
      return 'a';
    });
    const b = queue.run('article', async () => {
      events.push('b start');
      return 'b';
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['a start']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start']);
  });

  it('does not hold up other keys', async () => {
    const queue = new KeyedQueue();
    const blocked = gate();
    const slow = queue.run('one', () => blocked.opened.then(() => 'one'));
    expect(await queue.run('two', async () => 'two')).toBe('two');
    blocked.open();
    expect(await slow).toBe('one');
  });

  it('keeps going after a task fails, and passes the failure to its caller only', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('k', async () => {
      throw new Error('boom');
    });
    const next = queue.run('k', async () => 'after');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('after');
  });
});
