import type { FileHandle } from 'node:fs/promises';
import { realSteps, type AtomicWriteSteps } from '../../src/main/services/atomic-write';

export type WriteStep = keyof AtomicWriteSteps;
export const WRITE_STEPS: WriteStep[] = ['open', 'write', 'sync', 'close', 'rename', 'syncDir'];

/**
 * The real steps of an atomic write, except that `step` fails, as a crash there would: a
 * failing write writes half the data first; a failing close still closes, so no descriptor leaks.
 */
export function interruptedAt(step: WriteStep): AtomicWriteSteps {
  const crash = () => new Error(`interrupted at ${step}`);
  return {
    open: async (path) => {
      if (step === 'open') throw crash();
      return realSteps.open(path);
    },
    write: async (handle: FileHandle, data) => {
      if (step !== 'write') return realSteps.write(handle, data);
      await handle.write(data.subarray(0, Math.floor(data.length / 2)));
      throw crash();
    },
    sync: async (handle) => {
      if (step === 'sync') throw crash();
      return realSteps.sync(handle);
    },
    close: async (handle) => {
      await realSteps.close(handle);
      if (step === 'close') throw crash();
    },
    rename: async (from, to) => {
      if (step === 'rename') throw crash();
      return realSteps.rename(from, to);
    },
    syncDir: async (dir) => {
      if (step === 'syncDir') throw crash();
      return realSteps.syncDir(dir);
    },
  };
}
