/**
 * Editor suite: opening the 200,000-character, 50-figure article and typing into it, in the
 * app and in a bare Lexical editor over the same body (src/renderer/bench/bench-page.tsx).
 * What each figure measures is written up in docs/benchmarks.md.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { zhCN } from '../src/renderer/i18n/zh-CN';
import { BENCH_PASSPHRASE, BENCH_USER, createBenchWorkspace, type BenchWorkspace } from './generate-article';
import { launchChromium, previewContext, startPreview, type RunningPreview } from './preview';
import { atMost, median, percentile, type Report } from './report';
import type { Suite, SuiteOptions } from './suite';

const HARNESS = resolve(import.meta.dirname, 'page-harness.js');
const WARMUP_KEYS = 20;
const MEASURED_KEYS = 150;
/** Pause after each measured key, so keys are timed one at a time (about 8 keys a second in all). */
const KEY_GAP_MS = 60;
const KEY_TIMEOUT_MS = 3_000;
const OPEN_TIMEOUT_MS = 30_000;
/** Every this many inputs is a Chinese character committed as IME text (CDP Input.insertText). */
const CHINESE_EVERY = 10;
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CHINESE = '新闻稿件审校编辑记者报道数字转型';
/** Let the page settle (images, deferred counts, first paints) before typing. */
const SETTLE_MS = 800;

interface KeySample {
  /** Input event to the end of the first frame after the character is in the DOM. */
  painted: number;
  /** Input event to the MutationObserver seeing the character in the DOM. */
  dom: number;
}

interface PageRun {
  /** The timed open (docs/benchmarks.md says from when to when). */
  open: number;
  /** Width of the text column, in CSS pixels. */
  width: number;
  /** Bare page only: navigation start to the same end point. */
  openFromNavigation: number | null;
  keys: KeySample[];
  problems: string[];
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function stats(values: number[]): Stats {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : Number.NaN };
}

type BenchWindow = Window & { __bench: Record<string, (...args: never[]) => unknown> };

function benchCall<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, rest]) => (window as unknown as BenchWindow).__bench[name as string]!(...(rest as never[])) as T,
    [method, args] as const,
  );
}

async function openResult<T>(page: Page, what: string): Promise<T> {
  const result = await benchCall<T | null>(page, 'openResult', OPEN_TIMEOUT_MS);
  if (result) return result;
  const shot = join(tmpdir(), `bench-open-failure-${Date.now()}.png`);
  await page.screenshot({ path: shot }).catch(() => undefined);
  throw new Error(`${what} did not show the whole article as editable within ${OPEN_TIMEOUT_MS / 1000} s (screenshot: ${shot})`);
}

async function newBenchPage(browser: Browser, preview: RunningPreview, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await previewContext(browser, preview);
  await context.addInitScript({ path: HARNESS });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page };
}

/** Types WARMUP_KEYS + MEASURED_KEYS characters into the middle of block `index`, one at a time. */
async function typeAndMeasure(context: BrowserContext, page: Page, index: number, problems: string[]): Promise<KeySample[]> {
  const cdp = await context.newCDPSession(page);
  // Click the middle character, as a writer would: the pointer then rests over the text in both
  // editors alike (where it rests changes the hover hit-testing Chromium does after each change).
  const target = await benchCall<{ x: number; y: number }>(page, 'caretTarget', index);
  await page.mouse.click(target.x, target.y);
  await page.waitForTimeout(SETTLE_MS);
  if (!(await benchCall<boolean>(page, 'caretIn', index))) throw new Error('could not put the caret in the paragraph');
  const samples: KeySample[] = [];
  let typed = '';
  for (let i = 0; i < WARMUP_KEYS + MEASURED_KEYS; i++) {
    const chinese = i % CHINESE_EVERY === CHINESE_EVERY - 1;
    const char = chinese ? CHINESE[i % CHINESE.length]! : LATIN[i % LATIN.length]!;
    await benchCall(page, 'armKey', index);
    if (chinese) await cdp.send('Input.insertText', { text: char });
    else await page.keyboard.press(char);
    typed += char;
    const result = await benchCall<{ start: number; dom: number; painted: number } | null>(page, 'keyResult', KEY_TIMEOUT_MS);
    if (!result || result.start === null) {
      problems.push(`input ${i} ("${char}") was not seen in the paragraph within ${KEY_TIMEOUT_MS} ms`);
    } else if (i >= WARMUP_KEYS) {
      samples.push({ painted: result.painted - result.start, dom: result.dom - result.start });
    }
    await page.waitForTimeout(KEY_GAP_MS);
  }
  const text = await benchCall<string>(page, 'blockText', index);
  if (!text.includes(typed)) problems.push('the typed characters did not land together at the caret');
  await cdp.detach();
  return samples;
}

/** BENCH_USER signs in on the sign-in screen, as a person would (the page speaks Chinese here). */
async function signIn(page: Page): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${BENCH_USER}`) }).check();
  await page.getByLabel(zhCN.desk.passphraseOf.replace('{{name}}', BENCH_USER)).fill(BENCH_PASSPHRASE);
  await page.getByRole('button', { name: zhCN.desk.signIn, exact: true }).click();
  await page.getByRole('status', { name: zhCN.desk.signedInAs.replace('{{name}}', BENCH_USER) }).waitFor({ timeout: OPEN_TIMEOUT_MS });
}

async function measureApp(browser: Browser, preview: RunningPreview, bench: BenchWorkspace, round: number): Promise<PageRun> {
  const problems: string[] = [];
  const copy = await bench.addCopy(`#${round} app`);
  const { context, page } = await newBenchPage(browser, preview, problems);
  try {
    await page.goto(`${preview.origin}/`);
    await signIn(page);
    // The library lists the article as a button carrying its headline.
    const entry = page.locator('nav button', { hasText: copy.headline }).first();
    await entry.waitFor();
    await page.waitForTimeout(SETTLE_MS);
    await benchCall(page, 'armOpen', bench.layout, false);
    await entry.click();
    const opened = await openResult<{ start: number; painted: number }>(page, 'the app');
    const width = await benchCall<number>(page, 'editorWidth');
    const keys = await typeAndMeasure(context, page, bench.layout.middleParagraph, problems);
    return { open: opened.painted - opened.start, width, openFromNavigation: null, keys, problems };
  } finally {
    await context.close();
  }
}

/** `width`: the app's text column, so that the bare editor breaks the same lines. */
async function measureBare(browser: Browser, preview: RunningPreview, bench: BenchWorkspace, width: number | null): Promise<PageRun> {
  const problems: string[] = [];
  const { context, page } = await newBenchPage(browser, preview, problems);
  try {
    await context.addInitScript({ content: `window.__bench.armOpen(${JSON.stringify(bench.layout)}, true);` });
    const query = new URLSearchParams({ id: bench.article.id, ...(width ? { width: String(Math.round(width)) } : {}) });
    await page.goto(`${preview.origin}/bench.html?${query}`);
    const opened = await openResult<{ painted: number; scriptStart: number | null }>(page, 'the bare editor');
    if (opened.scriptStart === null) problems.push('the bare page did not mark its script start');
    const shownWidth = await benchCall<number>(page, 'editorWidth');
    const keys = await typeAndMeasure(context, page, bench.layout.middleParagraph, problems);
    return { open: opened.painted - (opened.scriptStart ?? 0), width: shownWidth, openFromNavigation: opened.painted, keys, problems };
  } finally {
    await context.close();
  }
}

async function run(report: Report, { rounds, vsync, log }: SuiteOptions): Promise<void> {
  const bench = await createBenchWorkspace();
  let preview: RunningPreview | null = null;
  let browser: Browser | null = null;
  const app: PageRun[] = [];
  const bare: PageRun[] = [];
  try {
    log(`editor: article of ${bench.layout.characters} characters, ${bench.layout.blocks} blocks, ${bench.layout.figures} figures`);
    preview = await startPreview(bench.root, BENCH_USER);
    browser = await launchChromium({ vsync });
    report.note(
      `editor suite: Chromium ${browser.version()}, ${rounds} interleaved round(s), ${MEASURED_KEYS} timed inputs per page, ` +
        (vsync ? 'frames on the 60 Hz tick (--vsync)' : 'frames unthrottled (no 60 Hz tick)'),
    );
    for (let round = 1; round <= rounds; round++) {
      // Alternate which editor goes first, so a slow spell on the machine hits both alike.
      const order = round % 2 === 1 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) {
        const result =
          which === 'app' ? await measureApp(browser, preview, bench, round) : await measureBare(browser, preview, bench, app[0]?.width ?? null);
        (which === 'app' ? app : bare).push(result);
        const s = stats(result.keys.map((k) => k.painted));
        log(
          `editor: round ${round} ${which.padEnd(4)} open ${result.open.toFixed(0)} ms, keystroke p50 ${s.p50.toFixed(1)} ` +
            `p95 ${s.p95.toFixed(1)} max ${s.max.toFixed(1)} ms (text column ${result.width.toFixed(0)} px)`,
        );
        for (const problem of result.problems) report.note(`editor round ${round} ${which}: ${problem}`);
      }
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await preview?.stop();
    await bench.remove();
  }

  const appStats = app.map((r) => stats(r.keys.map((k) => k.painted)));
  const bareStats = bare.map((r) => stats(r.keys.map((k) => k.painted)));
  const statOf = (list: Stats[], key: keyof Stats) => median(list.map((s) => s[key]));

  report.add('editor.article.characters', bench.layout.characters, 'chars');
  report.add('editor.article.figures', bench.layout.figures, 'figures');
  report.add('editor.open.app', median(app.map((r) => r.open)), 'ms', atMost(500));
  report.add('editor.open.bare', median(bare.map((r) => r.open)), 'ms');
  report.add('editor.open.bare-from-navigation', median(bare.map((r) => r.openFromNavigation ?? Number.NaN)), 'ms');
  report.add('editor.keystroke.app.p50', statOf(appStats, 'p50'), 'ms');
  report.add('editor.keystroke.app.p95', statOf(appStats, 'p95'), 'ms', atMost(16));
  report.add('editor.keystroke.app.max', statOf(appStats, 'max'), 'ms');
  report.add('editor.keystroke.bare.p50', statOf(bareStats, 'p50'), 'ms');
  report.add('editor.keystroke.bare.p95', statOf(bareStats, 'p95'), 'ms');
  report.add('editor.keystroke.bare.max', statOf(bareStats, 'max'), 'ms');
  // The ratios of the medians above, so that the table can be checked by hand.
  report.add('editor.keystroke.ratio.p50', statOf(appStats, 'p50') / statOf(bareStats, 'p50'), 'x');
  report.add('editor.keystroke.ratio.p95', statOf(appStats, 'p95') / statOf(bareStats, 'p95'), 'x', atMost(1.25));
  report.add('editor.keystroke.app.to-dom.p95', median(app.map((r) => percentile(r.keys.map((k) => k.dom), 95))), 'ms');
  report.add('editor.keystroke.bare.to-dom.p95', median(bare.map((r) => percentile(r.keys.map((k) => k.dom), 95))), 'ms');
}

export const editorSuite: Suite = { name: 'editor', run };
