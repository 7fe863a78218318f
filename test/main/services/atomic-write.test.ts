import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isTempFile,
  realSteps,
  writeFileAtomic,
  writeJsonAtomic,
  type AtomicWriteSteps,
} from '../../../src/main/services/atomic-write';
import { PROJECT_ROOT } from '../../helpers/paths';
import { interruptedAt } from '../../helpers/interrupted-steps';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('atomic-write-');

type Step = 'open' | 'write' | 'sync' | 'close' | 'rename';
const STEPS: Step[] = ['open', 'write', 'sync', 'close', 'rename'];


describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one', async () => {
    const dir = await tempDir();
    const target = join(dir, 'article.json');
    await writeFileAtomic(target, 'first');
    expect(await readFile(target, 'utf8')).toBe('first');
    await writeFileAtomic(target, new TextEncoder().encode('second, longer than the first'));
    expect(await readFile(target, 'utf8')).toBe('second, longer than the first');
    expect(await readdir(dir)).toEqual(['article.json']);
  });

  it('writes JSON with a trailing newline', async () => {
    const dir = await tempDir();
    const target = join(dir, 'value.json');
    await writeJsonAtomic(target, { a: [1, '二'] });
    expect(await readFile(target, 'utf8')).toBe('{"a":[1,"二"]}\n');
  });

  for (const step of STEPS) {
    it(`keeps the previous content and leaves no temp file when interrupted at ${step}`, async () => {
      const dir = await tempDir();
      const target = join(dir, 'article.json');
      const previous = JSON.stringify({ version: 1, text: '旧稿'.repeat(1000) });
      await writeFile(target, previous);

      const next = JSON.stringify({ version: 2, text: '新稿'.repeat(5000) });
      await expect(writeFileAtomic(target, next, interruptedAt(step))).rejects.toThrow(`interrupted at ${step}`);

      expect(await readFile(target, 'utf8')).toBe(previous);
      expect(await readdir(dir)).toEqual(['article.json']);
    });

    it(`creates no file at all when the first write is interrupted at ${step}`, async () => {
      const dir = await tempDir();
      await expect(writeFileAtomic(join(dir, 'new.json'), 'content', interruptedAt(step))).rejects.toThrow();
      expect(await readdir(dir)).toEqual([]);
    });
  }

  it('has the complete new content in place when only the directory sync after the rename fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'article.json');
    await writeFile(target, 'old');
    const steps: AtomicWriteSteps = {
      ...realSteps,
      syncDir: async () => {
        throw new Error('interrupted at syncDir');
      },
    };
    await expect(writeFileAtomic(target, 'new content', steps)).rejects.toThrow('interrupted at syncDir');
    expect(await readFile(target, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['article.json']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(join(dir, 'missing', 'a.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves one complete version when several writes to one file race', async () => {
    const dir = await tempDir();
    const target = join(dir, 'race.json');
    const versions = Array.from({ length: 8 }, (_, i) => JSON.stringify({ version: i, fill: 'x'.repeat(10_000 * (i + 1)) }));
    await Promise.all(versions.map((text) => writeFileAtomic(target, text)));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['race.json']);
  });
});

describe('isTempFile', () => {
  it('recognises the temp names the writer uses and nothing else', () => {
    expect(isTempFile('article.json.tmp-0a1b2c3d4e5f')).toBe(true);
    expect(isTempFile('article.json')).toBe(false);
    expect(isTempFile('20250501-abcdef0123')).toBe(false);
  });
});

describe('writeJsonAtomic in a process killed at random moments', () => {
  /** A writer that loops forever, each version a self-consistent JSON document of growing size. */
  function writerScript(target: string): string {
    const module = pathToFileURL(join(PROJECT_ROOT, 'src/main/services/atomic-write.ts')).href;
    return `
import { readFileSync } from 'node:fs';
import { writeJsonAtomic } from ${JSON.stringify(module)};
const target = ${JSON.stringify(target)};
let version = 0;
try { version = JSON.parse(readFileSync(target, 'utf8')).version; } catch {}
for (;;) {
  version++;
  const count = 1 + (version % 400);
  await writeJsonAtomic(target, { version, count, items: Array.from({ length: count }, () => 'v' + version + '-' + 'x'.repeat(200)) });
  if (version % 5 === 0) process.stdout.write('wrote ' + version + '\\n');
}
`;
  }

  function runAndKill(script: string, target: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let killScheduled = false;
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', () => {
        if (killScheduled) return;
        killScheduled = true;
        // Some versions are on disk: let it run a random while longer, then kill it mid-loop.
        setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 150);
      });
      child.on('error', reject);
      child.on('exit', (_code, signal) => {
        if (signal === 'SIGKILL') resolve();
        else reject(new Error(`writer for ${target} ended without being killed: ${stderr}`));
      });
    });
  }

  it('always leaves the target as one complete version', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const target = join(dir, 'state.json');
    const script = join(dir, 'writer.mts');
    await writeFile(script, writerScript(target));
    let lastVersion = 0;
    for (let kill = 0; kill < 5; kill++) {
      await runAndKill(script, target);
      const state = JSON.parse(await readFile(target, 'utf8')) as { version: number; count: number; items: string[] };
      expect(state.items).toHaveLength(state.count);
      expect(state.items.every((item) => item.startsWith(`v${state.version}-`))).toBe(true);
      expect(state.version).toBeGreaterThan(lastVersion);
      lastVersion = state.version;
    }
  });
});
