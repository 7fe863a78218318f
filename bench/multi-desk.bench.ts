/**
 * Multi-desk suite: two desks, each with its own copy of a workspace, kept in step by two real
 * Syncthing daemons on 127.0.0.1 (test/helpers/syncthing: file watcher delay 1 s, as a newsroom
 * would set it). Figures, over SAVES rounds (the two kinds alternate, so load hits both alike):
 * - file-sync: baseline, a plain file written into desk A's folder until it is whole in desk B's;
 * - save-derived: from an acknowledged save at desk A (a revision signed and appended) until desk
 *   B's live workspace has published the change and B derives the new copy from its logs;
 * - save-shown: from the same save until the copy open in desk B's page (Chromium, the browser
 *   preview, nobody editing there) shows the new headline.
 * Medians and p95; no budget (DESIGN.md: measure and report). The machine's load is noted.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ArticleContent } from '../src/shared/article/article';
import { paragraphNode } from '../src/shared/article/body';
import { findPerson } from '../src/shared/review/people';
import { en } from '../src/renderer/i18n/en';
import { startLiveDesk, type LiveDesk } from '../test/helpers/live-desk';
import { startSyncthing, type SyncthingCluster } from '../test/helpers/syncthing/daemons';
import { launchChromium } from './preview';
import { median, percentile, type Report } from './report';
import type { Suite } from './suite';

const SAVES = 20;
const PERSON = 'Bench Reporter';
const PASSPHRASE = 'bench passphrase, not a secret';
const WAIT_MS = 60_000;

async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** Milliseconds from writing a small plain file at A until B holds all of it. */
async function fileSync(a: string, b: string, round: number): Promise<number> {
  const name = `probe-${round}.txt`;
  const text = `probe ${round} ${Date.now()}\n`;
  await writeFile(join(a, name), text);
  const written = Date.now();
  const arrived = await until(`${name} at desk B`, async () => ((await readFile(join(b, name), 'utf8').catch(() => null)) === text ? Date.now() : null));
  return arrived - written;
}

export const multiDeskSuite: Suite = {
  name: 'multi-desk',
  async run(report: Report, { log }) {
    const base = await mkdtemp(join(tmpdir(), 'nr-bench-desks-'));
    const folders = [join(base, 'desk-a', 'workspace'), join(base, 'desk-b', 'workspace')] as const;
    let cluster: SyncthingCluster | null = null;
    const desks: LiveDesk[] = [];
    let browser: Browser | null = null;
    const load = [loadavg()];
    try {
      for (const folder of folders) await mkdir(folder, { recursive: true });
      cluster = await startSyncthing(folders);
      await cluster.connected();
      const a = await startLiveDesk({ label: 'A', workspaceDir: folders[0], dataDir: join(base, 'desk-a', 'data'), firstPerson: { name: PERSON, passphrase: PASSPHRASE, sampleDir: null, keepKey: true } });
      desks.push(a);
      const actor = { key: a.firstKey!, person: findPerson((await a.workspace.roster()).roster, a.firstKey!.personId)! };
      const created = await a.workspace.articles.create(actor, 'zh-CN');
      const copy = (headline: string): ArticleContent => ({ ...created, headline, body: { root: { ...created.body.root, children: [paragraphNode('多工位延迟测试正文。')] } } });
      let head = (await a.workspace.articles.save(actor, created.id, created.head, copy('延迟测试 起始'))).head;
      await cluster.inSync(WAIT_MS);
      const b = await startLiveDesk({ label: 'B', workspaceDir: folders[1], dataDir: join(base, 'desk-b', 'data') });
      desks.push(b);

      browser = await launchChromium();
      const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(b.url);
      await page.getByRole('radio', { name: new RegExp(`^${PERSON}`) }).check();
      await page.getByLabel(en.desk.passphraseOf.replace('{{name}}', PERSON)).fill(PASSPHRASE);
      await page.getByRole('button', { name: en.desk.signIn, exact: true }).click();
      await page.getByRole('list', { name: en.library.articles }).getByRole('button', { name: /延迟测试/ }).first().click();
      await page.waitForSelector('.meta-headline textarea');

      const files: number[] = [];
      const derived: number[] = [];
      const shown: number[] = [];
      for (let round = 0; round < SAVES; round++) {
        files.push(await fileSync(folders[0], folders[1], round));
        const headline = `延迟测试 ${round + 1}`;
        const shownAt = page.waitForFunction(
          (text) => (document.querySelector<HTMLTextAreaElement>('.meta-headline textarea')?.value === text ? Date.now() : false),
          headline,
          { polling: 'raf', timeout: WAIT_MS },
        );
        let after = b.live.feed.current;
        const derivedAt = (async () => {
          for (;;) {
            const change = await b.live.feed.next(after, WAIT_MS);
            if (!change) throw new Error(`desk B published nothing for save ${round + 1}`);
            after = change.seq;
            if (change.articles.includes(created.id) && (await b.workspace.get(created.id)).headline === headline) return Date.now();
          }
        })();
        head = (await a.workspace.articles.save(actor, created.id, head, copy(headline))).head;
        const saved = Date.now();
        derived.push((await derivedAt) - saved);
        shown.push(((await (await shownAt).jsonValue()) as number) - saved);
        log(`save ${round + 1}: file ${files.at(-1)} ms, derived ${derived.at(-1)} ms, shown ${shown.at(-1)} ms`);
        load.push(loadavg());
      }
      const figure = (name: string, values: number[]) => {
        report.add(`multi-desk.${name}.median`, median(values), 'ms');
        report.add(`multi-desk.${name}.p95`, percentile(values, 95), 'ms');
      };
      figure('file-sync', files);
      figure('save-derived', derived);
      figure('save-shown', shown);
      report.add('multi-desk.save-derived-over-file-sync', median(derived) / median(files), '×');
      const minute = load.map((sample) => sample[0]!);
      report.note(
        `multi-desk: ${SAVES} saves over loopback Syncthing (fsWatcherDelayS 1); 1-minute load average during the run ${Math.min(...minute).toFixed(2)}–${Math.max(...minute).toFixed(2)}`,
      );
    } finally {
      await browser?.close();
      await Promise.all(desks.map((desk) => desk.close()));
      await cluster?.stop();
      await rm(base, { recursive: true, force: true });
    }
  },
};
