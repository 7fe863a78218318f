import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { zipSync } from 'fflate';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.md': 'text/markdown',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

export const mimeOf = (fileName: string) => MIME[fileName.slice(fileName.lastIndexOf('.'))] ?? 'application/octet-stream';

export interface PackagedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out.sort();
}

/**
 * One file to hand to the person from what an export wrote into `dir`: the file itself when it is
 * alone (unless `zip` is 'always'), otherwise a zip named `stem`.zip keeping the folders.
 */
export async function packageFolder(dir: string, stem: string, zip: 'always' | 'when-several' = 'when-several'): Promise<PackagedFile> {
  const files = await filesUnder(dir);
  if (files.length === 1 && zip === 'when-several') {
    const fileName = basename(files[0]!);
    return { fileName, mime: mimeOf(fileName), bytes: await readFile(files[0]!) };
  }
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[relative(dir, file).split('\\').join('/')] = await readFile(file);
  return { fileName: `${stem}.zip`, mime: mimeOf('.zip'), bytes: zipSync(entries, { level: 6 }) };
}
