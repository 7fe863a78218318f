import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write performs, in order; tests swap them to interrupt it. */
export interface AtomicWriteSteps {
  open(path: string): Promise<fsp.FileHandle>;
  write(handle: fsp.FileHandle, data: Uint8Array): Promise<void>;
  sync(handle: fsp.FileHandle): Promise<void>;
  close(handle: fsp.FileHandle): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
}

export const TEMP_MARKER = '.tmp-';

export const realSteps: AtomicWriteSteps = {
  open: (path) => fsp.open(path, 'wx'),
  write: async (handle, data) => {
    await handle.writeFile(data);
  },
  sync: (handle) => handle.sync(),
  close: (handle) => handle.close(),
  rename: (from, to) => fsp.rename(from, to),
  syncDir: async (dir) => {
    // Directory fsync makes the rename durable; some platforms refuse it, which is harmless.
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(dir, 'r');
      await handle.sync();
    } catch {
      /* not supported here */
    } finally {
      await handle?.close();
    }
  },
};

export function isTempFile(name: string): boolean {
  return name.includes(TEMP_MARKER);
}

/**
 * Writes a whole file so that readers see either the previous content or the new one:
 * a temp file beside the target, flushed to disk, then renamed over it.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  steps: AtomicWriteSteps = realSteps,
): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const dir = dirname(path);
  const temp = join(dir, `${basename(path)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
  const handle = await steps.open(temp);
  let renamed = false;
  try {
    try {
      await steps.write(handle, bytes);
      await steps.sync(handle);
    } finally {
      await steps.close(handle);
    }
    await steps.rename(temp, path);
    renamed = true;
    await steps.syncDir(dir);
  } finally {
    if (!renamed) await fsp.rm(temp, { force: true }).catch(() => undefined);
  }
}

export async function writeJsonAtomic(path: string, value: unknown, steps?: AtomicWriteSteps): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value)}\n`, steps);
}
