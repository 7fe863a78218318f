import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateRevisions } from '../../../../bench/generate-revisions';
import { HistoryStore } from '../../../../src/main/services/history';
import { PROJECT_ROOT } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('history-kill-');

const SEED = 11;
const REVISIONS = 400;
const SNAPSHOT_EVERY = 8;

/** A recorder that loops until killed, printing each revision number once `record` has returned. */
function recorderScript(articleDir: string): string {
  const store = pathToFileURL(join(PROJECT_ROOT, 'src/main/services/history/index.ts')).href;
  const generator = pathToFileURL(join(PROJECT_ROOT, 'bench/generate-revisions.ts')).href;
  return `
import { HistoryStore } from ${JSON.stringify(store)};
import { generateRevisions } from ${JSON.stringify(generator)};
const contents = generateRevisions({ seed: ${SEED}, targetChars: 20_000, revisions: ${REVISIONS} });
const store = new HistoryStore(${JSON.stringify(articleDir)}, { snapshotEvery: ${SNAPSHOT_EVERY} });
let next = ((await store.latest())?.n ?? 0);
for (;;) {
  const content = contents[next % contents.length];
  const revision = await store.record({ content, author: 'u-linxiaolan', authorName: '林晓岚', stage: 'draft', kind: 'save', at: new Date(Date.UTC(2026, 10, 27) + next * 1000) });
  next = revision.n;
  process.stdout.write('recorded ' + revision.n + '\\n');
}
`;
}

/** Runs the recorder, kills it a random while after its first revision; returns the revisions it acknowledged. */
function runAndKill(script: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killScheduled = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killScheduled) return;
      killScheduled = true;
      setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 200);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`recorder ended without being killed: ${stderr}`));
      else resolve([...stdout.matchAll(/recorded (\d+)\n/g)].map((match) => Number(match[1])));
    });
  });
}

describe('HistoryStore in a process killed at random moments', () => {
  it('keeps every acknowledged revision, readable and verified', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const script = join(dir, 'recorder.mts');
    await writeFile(script, recorderScript(dir));
    const contents = generateRevisions({ seed: SEED, targetChars: 20_000, revisions: REVISIONS });
    let acknowledged = 0;
    for (let kill = 0; kill < 5; kill++) {
      const numbers = await runAndKill(script);
      expect(numbers.length).toBeGreaterThan(0);
      // Each run carries on from the last revision that made it into the index.
      expect(numbers[0]).toBeLessThanOrEqual(acknowledged + 1);
      acknowledged = Math.max(acknowledged, ...numbers);

      const store = new HistoryStore(dir, { snapshotEvery: SNAPSHOT_EVERY });
      const list = await store.list();
      // Everything acknowledged is there (a revision written but not yet acknowledged may be too).
      expect(list.length).toBeGreaterThanOrEqual(acknowledged);
      expect(list.map((r) => r.n)).toEqual(Array.from({ length: list.length }, (_, i) => i + 1));
      for (const revision of list) expect(await store.load(revision.n)).toStrictEqual(contents[(revision.n - 1) % contents.length]);
      expect(await store.verify()).toEqual({ ok: true, revisions: list.length, problems: [] });
      acknowledged = list.length;
    }
  });
});
