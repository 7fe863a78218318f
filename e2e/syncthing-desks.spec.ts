import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { en } from '../src/renderer/i18n/en';
import { startSyncthing, type SyncthingCluster } from '../test/helpers/syncthing/daemons';
import { addPerson, approve, chain, openArticle, reviewPanel, showQueue, submitOverWarning } from './desk';
import { expect, test, waitForSaved } from './fixtures';
import { deskPage, lockDesk, signInAtDesk, startDesk, verifyWorkspace, type DeskPreview } from './live-desks';

const s = en;
const SAMPLE = /千年茶山/;
const FOOTER = '责任编辑：Wang Li\u3000二审：Zhao Min\u3000三审：Chen Gang';
/** What another desk did arrives through Syncthing and the change feed well within this, on a busy machine. */
const ACROSS = { timeout: 45_000 };

test.use({ locale: 'en-US' });

let base: string;
let cluster: SyncthingCluster | null = null;
let desks: DeskPreview[] = [];
let pages: Page[] = [];

test.beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'nr-e2e-sync-'));
});

test.afterEach(async () => {
  await Promise.all(pages.map((page) => page.context().close()));
  await Promise.all(desks.map((desk) => desk.close()));
  await cluster?.stop();
  pages = [];
  desks = [];
  cluster = null;
  await rm(base, { recursive: true, force: true });
});

/** Who takes each step, in order, and at which desk (by index). */
interface Step {
  person: string;
  desk: number;
}

/**
 * `count` desks, each with its own copy of the workspace and its own data folder, kept in step
 * by real Syncthing daemons on 127.0.0.1. The administrator at the first desk sets the
 * workspace up and enrols everyone; each person's first sign-in is at the desk of their step.
 */
async function newsroomAcross(browser: Browser, count: number): Promise<{ pages: Page[]; desks: DeskPreview[] }> {
  const folders = Array.from({ length: count }, (_, index) => join(base, `desk-${index + 1}`, 'workspace'));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  cluster = await startSyncthing(folders);
  await cluster.connected();
  const first = await startDesk({ label: 'desk 1', workspaceDir: folders[0]!, dataDir: join(base, 'desk-1', 'data'), firstPerson: 'Lin Xiaolan' });
  desks = [first];
  // The other desks open the workspace once it has arrived (a desk never sets up a folder that is still filling).
  await cluster.inSync(60_000);
  for (let index = 1; index < count; index++) {
    desks.push(await startDesk({ label: `desk ${index + 1}`, workspaceDir: folders[index]!, dataDir: join(base, `desk-${index + 1}`, 'data') }));
  }
  pages = [];
  for (const desk of desks) pages.push(await deskPage(browser, desk));
  return { pages, desks };
}

async function takeTheChain(browser: Browser, count: number, steps: [Step, Step, Step, Step]): Promise<void> {
  const { pages } = await newsroomAcross(browser, count);
  const [reporter, first, second, third] = steps;
  const admin = pages[reporter.desk]!;
  await signInAtDesk(admin, reporter.person);
  const codes = new Map<string, string>();
  codes.set(first.person, await addPerson(admin, first.person, [s.roles.editor]));
  codes.set(second.person, await addPerson(admin, second.person, [s.roles.second]));
  codes.set(third.person, await addPerson(admin, third.person, [s.roles.third]));

  // The reporter submits at their desk.
  await openArticle(admin, SAMPLE);
  await submitOverWarning(admin);

  for (const [index, step] of [first, second, third].entries()) {
    const page = pages[step.desk]!;
    if (await page.getByRole('button', { name: s.desk.lock, exact: true }).count()) await lockDesk(page);
    // Their first sign-in, once the roster with their enrolment has arrived at this desk.
    await signInAtDesk(page, step.person, codes.get(step.person));
    // The article comes into "Waiting for me" once the step before it has arrived.
    await showQueue(page, s.queues.waiting);
    await expect(page.getByRole('list', { name: s.library.articles }).getByRole('button', { name: SAMPLE })).toBeVisible(ACROSS);
    await openArticle(page, SAMPLE);
    if (index === 0) {
      // The house rules want a caption on every figure before the first review approves.
      await page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption).fill('Terraced tea rows above the village at dawn.');
      await waitForSaved(page);
    }
    await approve(page, `Review ${index + 1} at desk ${step.desk + 1}.`, index === 2 ? s.review.signOff : s.review.approve);
    await expect(chain(page).getByText(`Review ${index + 1} at desk ${step.desk + 1}.`)).toBeVisible();
  }

  // Every desk derives the same chain and shows the same footer under the finished copy.
  for (const page of pages) {
    if (!(await page.getByRole('button', { name: s.desk.lock, exact: true }).count())) await signInAtDesk(page, reporter.person);
    await showQueue(page, s.queues.signed);
    await openArticle(page, SAMPLE);
    await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.signed })).toBeVisible(ACROSS);
    await reviewPanel(page).getByRole('button', { name: s.review.finishedCopy }).click();
    const copy = page.getByRole('dialog', { name: s.copy.title });
    await expect(copy.locator('footer')).toHaveText(FOOTER);
    await copy.getByRole('button', { name: s.copy.close }).click();
  }

  // Every copy of the folder verifies on its own.
  await cluster!.inSync(60_000);
  const [sample] = (await desks[0]!.workspace.articles.list()).articles;
  const states = await Promise.all(desks.map(async (desk) => (await desk.workspace.review(sample!.id)).state));
  for (const state of states) expect(state).toEqual(states[0]);
  for (const desk of desks) {
    const verified = await verifyWorkspace(desk.workspaceDir);
    expect(verified.code, `${desk.label}:\n${verified.output}`).toBe(0);
    for (const step of [first, second, third]) expect(verified.output).toMatch(new RegExp(`SIGNED review[^\n]* by ${step.person} `));
  }
}

test('two desks synced by Syncthing take an article from draft to sign-off, each step at the other desk', async ({ browser }) => {
  test.setTimeout(360_000);
  await takeTheChain(browser, 2, [
    { person: 'Lin Xiaolan', desk: 0 },
    { person: 'Wang Li', desk: 1 },
    { person: 'Zhao Min', desk: 0 },
    { person: 'Chen Gang', desk: 1 },
  ]);
});

test('four desks synced by Syncthing take an article from draft to sign-off, each step at a desk of its own', async ({ browser }) => {
  test.setTimeout(480_000);
  await takeTheChain(browser, 4, [
    { person: 'Lin Xiaolan', desk: 0 },
    { person: 'Wang Li', desk: 1 },
    { person: 'Zhao Min', desk: 2 },
    { person: 'Chen Gang', desk: 3 },
  ]);
});
