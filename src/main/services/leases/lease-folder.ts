/** The workspace's leases/ folder: every file in it read (for the verifier), and this desk's own files written whole or removed. */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSyncInProgress } from '../../../shared/files/sync-traces';
import type { LeaseFile } from '../../../shared/leases/claims';
import { LEASES_DIR, leaseFileName } from '../../../shared/leases/lease-file';
import { isTempFile, writeFileAtomic } from '../atomic-write';

/** A lease file is a few hundred bytes; anything far larger is reported unread. */
const MAX_LEASE_BYTES = 64 * 1024;

export class LeaseFolder {
  readonly dir: string;

  constructor(root: string) {
    this.dir = join(root, LEASES_DIR);
  }

  /** Every file in leases/ but temp files and files a sync service is still downloading. */
  async read(): Promise<LeaseFile[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const files: LeaseFile[] = [];
    for (const name of names) {
      if (isTempFile(name) || isSyncInProgress(name)) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const text = info.size > MAX_LEASE_BYTES ? '' : await readFile(path, 'utf8').catch(() => '');
      files.push({ name, text });
    }
    return files;
  }

  async write(personId: string, deskId: string, text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(join(this.dir, leaseFileName(personId, deskId)), text);
  }

  async remove(personId: string, deskId: string): Promise<void> {
    await rm(join(this.dir, leaseFileName(personId, deskId)), { force: true });
  }
}
