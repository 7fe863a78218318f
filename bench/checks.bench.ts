/**
 * Checks suite: every proofreading rule over the 200,000-character, 50-figure benchmark
 * article (bench/generate-article.ts) with a sprinkling of typical faults and workspace lists
 * of house terms and names, in Node (the checks are pure TypeScript; Node runs the same V8 as
 * the renderer). Figures:
 * - full: runChecks on the whole article, a fresh checker each time (DESIGN.md: ≤ 50 ms);
 * - keystroke: one character typed into a paragraph in the middle of the body, then
 *   checker.check on the new content, the editor's way: a new content object whose untouched
 *   blocks are shared with the previous one (DESIGN.md: ≤ 5 ms, held against the p95);
 * - keystroke.fresh-json: the same, but each content is a fresh JSON copy (every string new),
 *   as a worker receiving a structured clone would see it;
 * - baseline, measured in the same run: reading the article's text once (extractSegments and
 *   one regular expression per segment), the least any check must do.
 * Budgets are held against wall-clock time. The same runs are also given in CPU time of the
 * process (process.cpuUsage): on a loaded machine the difference is time spent waiting for a core.
 */
import type { ArticleContent } from '../src/shared/article/article';
import { textNode, type BodyNode, type FigureFields } from '../src/shared/article/body';
import { createChecker, runChecks } from '../src/shared/checks/engine';
import { HouseListsSchema, type HouseLists } from '../src/shared/checks/lists';
import { blockText, extractSegments } from '../src/shared/checks/segments';
import { DEFAULT_CHECK_SETTINGS } from '../src/shared/checks/settings';
import { generateArticle, seededRandom } from './generate-article';
import { atMost, median, percentile, timed, type Report, type Timed } from './report';
import type { Suite, SuiteOptions } from './suite';

const WARMUP = 10;
/** Untimed keystrokes before the first round, so the incremental path is compiled like the full one. */
const WARMUP_KEYS = 100;
const FULL_RUNS = 15;
const KEYS = 200;
const FRESH_KEYS = 40;
/** About one paragraph in twelve gets one of these faults, at a sentence boundary. */
const FAULT_RATE = 1 / 12;
const FAULTS = [
  '近日，县里召开推进会。',
  '茶农说，这是我们的的茶园。',
  '产量高 ，效益好。',
  '全县茶园面积达28万亩。',
  '其中有机茶园占二十八万亩。',
  '项目投资1,00,000元。',
  '他说:好。',
  '效益好，，产量高。',
  '他说："今年收成好"。',
  'Officials said that for Guizhou, It is to base growth on tea. ',
  'The the harvest was early. ',
  '不少农民工返乡创业。',
  '张某表示，要做好服务。',
  '（括号没有收尾。',
  'Output rose recently, the the county said. ',
];

function lists(): HouseLists {
  const terms = [{ avoid: '农民工', use: '进城务工人员' }, { avoid: 'e-mail', use: 'email' }];
  for (let i = 0; i < 48; i++) terms.push({ avoid: `旧称${i}号`, use: `规范用语${i}号` });
  const names = [{ name: '张某', title: '县委书记' }];
  for (let i = 0; i < 9; i++) names.push({ name: `人名${i}`, title: `局长${i}` });
  return HouseListsSchema.parse({ terms, names });
}

function paragraph(text: string): BodyNode {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [textNode(text)] };
}

/** The benchmark article as content, with faults put in deterministically. */
function benchContent(): { content: ArticleContent; middle: number; characters: number; faults: number } {
  const image: Pick<FigureFields, 'asset' | 'mime' | 'width' | 'height'> = { asset: 'a'.repeat(64), mime: 'image/png', width: 1600, height: 900 };
  const { article, layout } = generateArticle([image]);
  const random = seededRandom(7);
  let faults = 0;
  const children = (article.body.root.children ?? []).map((block, index) => {
    if (block.type !== 'paragraph' || index === layout.middleParagraph || random() >= FAULT_RATE) return block;
    const text = blockText(block);
    const stops = [...text.matchAll(/[。.] ?/g)].map((m) => m.index + m[0].length);
    const at = stops.length > 0 ? stops[Math.floor(random() * stops.length)]! : 0;
    faults++;
    return paragraph(text.slice(0, at) + FAULTS[faults % FAULTS.length]! + text.slice(at));
  });
  const content: ArticleContent = {
    channel: article.channel,
    headline: article.headline,
    deck: article.deck,
    byline: article.byline,
    language: article.language,
    body: { ...article.body, root: { ...article.body.root, children } },
  };
  const characters = extractSegments(content).reduce((sum, segment) => sum + segment.text.length, 0);
  return { content, middle: layout.middleParagraph, characters, faults };
}

/** The content after typing `char` at `offset` into top-level block `index`: untouched blocks are shared. */
function typed(content: ArticleContent, index: number, offset: number, char: string): ArticleContent {
  const children = content.body.root.children!.slice();
  const text = blockText(children[index]!);
  children[index] = paragraph(text.slice(0, offset) + char + text.slice(offset));
  return { ...content, body: { ...content.body, root: { ...content.body.root, children } } };
}

function stats(times: readonly Timed[], pick: (t: Timed) => number): { p50: number; p95: number; max: number } {
  const values = times.map(pick);
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

const SOME_COMMA = /，/;

async function run(report: Report, { rounds, log }: SuiteOptions): Promise<void> {
  const { content, middle, characters, faults } = benchContent();
  const houseLists = lists();
  const settings = DEFAULT_CHECK_SETTINGS;
  const findings = runChecks(content, settings, houseLists);
  log(`checks: article of ${characters} characters, ${content.body.root.children!.length} blocks, ${faults} faults put in, ${findings.length} findings`);

  const baseline = () => {
    let hits = 0;
    for (const segment of extractSegments(content)) if (SOME_COMMA.test(segment.text)) hits++;
    return hits;
  };
  for (let i = 0; i < WARMUP; i++) {
    baseline();
    runChecks(content, settings, houseLists);
  }
  const warm = createChecker(settings, houseLists);
  let warmed = content;
  for (let k = 0; k < WARMUP_KEYS; k++) warm.check((warmed = typed(warmed, middle, k, '茶')));

  const baselines: number[] = [];
  const fulls: number[] = [];
  const fullsCpu: number[] = [];
  const keys: Array<{ p50: number; p95: number; max: number }> = [];
  const keysCpu: Array<{ p50: number; p95: number; max: number }> = [];
  const fresh: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const base: Timed[] = [];
    const full: Timed[] = [];
    for (let i = 0; i < FULL_RUNS; i++) {
      base.push(timed(baseline));
      full.push(timed(() => runChecks(content, settings, houseLists)));
    }
    baselines.push(median(base.map((t) => t.wall)));
    fulls.push(median(full.map((t) => t.wall)));
    fullsCpu.push(median(full.map((t) => t.cpu)));

    // Typing into the middle paragraph, a Chinese character or a Latin letter at a time.
    const checker = createChecker(settings, houseLists);
    let current = content;
    checker.check(current);
    const offset = Math.floor(blockText(current.body.root.children![middle]!).length / 2);
    const times: Timed[] = [];
    for (let k = 0; k < KEYS; k++) {
      current = typed(current, middle, offset + k, k % 3 === 0 ? 'a' : '茶');
      const next = current;
      times.push(timed(() => checker.check(next)));
    }
    keys.push(stats(times, (t) => t.wall));
    keysCpu.push(stats(times, (t) => t.cpu));

    const freshTimes: Timed[] = [];
    for (let k = 0; k < FRESH_KEYS; k++) {
      current = typed(current, middle, offset + KEYS + k, '茶');
      const copy = JSON.parse(JSON.stringify(current)) as ArticleContent;
      freshTimes.push(timed(() => checker.check(copy)));
    }
    fresh.push(stats(freshTimes, (t) => t.wall).p95);
    const key = keys.at(-1)!;
    const keyCpu = keysCpu.at(-1)!;
    log(
      `checks: round ${round} baseline ${baselines.at(-1)!.toFixed(2)} ms, full ${fulls.at(-1)!.toFixed(2)} ms (cpu ${fullsCpu.at(-1)!.toFixed(2)}), ` +
        `keystroke p50 ${key.p50.toFixed(3)} p95 ${key.p95.toFixed(3)} max ${key.max.toFixed(2)} ms (cpu p50 ${keyCpu.p50.toFixed(3)} p95 ${keyCpu.p95.toFixed(3)}), ` +
        `fresh JSON p95 ${fresh.at(-1)!.toFixed(3)} ms`,
    );
  }

  report.note(`checks suite: in Node ${process.version} (V8), ${rounds} round(s) of ${FULL_RUNS} full checks and ${KEYS} keystrokes; ${faults} faults put in, ${findings.length} findings`);
  report.add('checks.article.characters', characters, 'chars');
  report.add('checks.article.findings', findings.length, 'findings');
  report.add('checks.baseline.read-text', median(baselines), 'ms');
  report.add('checks.full', median(fulls), 'ms', atMost(50));
  report.add('checks.full.ratio', median(fulls) / median(baselines), 'x');
  report.add('checks.keystroke.p50', median(keys.map((k) => k.p50)), 'ms');
  report.add('checks.keystroke.p95', median(keys.map((k) => k.p95)), 'ms', atMost(5));
  report.add('checks.keystroke.max', median(keys.map((k) => k.max)), 'ms');
  report.add('checks.keystroke.fresh-json.p95', median(fresh), 'ms');
  report.add('checks.full.cpu', median(fullsCpu), 'ms');
  report.add('checks.keystroke.cpu.p50', median(keysCpu.map((k) => k.p50)), 'ms');
  report.add('checks.keystroke.cpu.p95', median(keysCpu.map((k) => k.p95)), 'ms');
}

export const checksSuite: Suite = { name: 'checks', run };
