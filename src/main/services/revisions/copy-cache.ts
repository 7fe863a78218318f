/**
 * The library lists each article's headline and channel from its current copy. Rebuilding every
 * copy to list them would read every article's blobs, so this desk keeps, in its data folder,
 * the headline and channel of each article's head revision. A revision id names the copy's
 * bytes, so an entry is right for as long as the head is the same; deleting the cache loses
 * nothing.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_ID_PATTERN } from '../../../shared/article/ids';
import { HEX_64 } from '../../../shared/identity/bytes';
import { z } from '../../../shared/zod';
import { writeJsonAtomic } from '../atomic-write';
import { readJsonFile } from '../json-file';

const CopyEntrySchema = z.strictObject({ head: z.string().regex(HEX_64), headline: z.string(), channel: z.array(z.string()) });
export type CopyEntry = z.infer<typeof CopyEntrySchema>;

export class CopyCache {
  private readonly memory = new Map<string, CopyEntry>();

  constructor(private readonly dir: string | null) {}

  async get(articleId: string, head: string): Promise<CopyEntry | null> {
    const known = this.memory.get(articleId);
    if (known?.head === head) return known;
    if (!this.dir || !ARTICLE_ID_PATTERN.test(articleId)) return null;
    const read = await readJsonFile(join(this.dir, `${articleId}.json`), CopyEntrySchema);
    if (!read.ok || read.value.head !== head) return null;
    this.memory.set(articleId, read.value);
    return read.value;
  }

  async put(articleId: string, entry: CopyEntry): Promise<void> {
    if (this.memory.get(articleId)?.head === entry.head) return;
    this.memory.set(articleId, entry);
    if (!this.dir || !ARTICLE_ID_PATTERN.test(articleId)) return;
    // A cache: a failed write costs a rebuild later, never a save.
    await mkdir(this.dir, { recursive: true })
      .then(() => writeJsonAtomic(join(this.dir!, `${articleId}.json`), entry))
      .catch(() => undefined);
  }
}
