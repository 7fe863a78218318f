/**
 * A deterministic, news-like benchmark article: about 200,000 characters of mixed Chinese and
 * English text in paragraphs, a subheading every ~10 paragraphs and 50 captioned figures spread
 * evenly, written into a fresh temporary workspace through the app's own services.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ARTICLE_FORMAT, type Article, type ArticleContent } from '../src/shared/article/article';
import { bodyOf, figureNode, headingNode, paragraphNode, type BodyNode, type FigureFields } from '../src/shared/article/body';
import type { Actor } from '../src/main/services/articles';
import type { Clock } from '../src/main/services/clock';
import { DataFolder } from '../src/main/services/data-folder';
import { openWorkspace, setUpWorkspace } from '../src/main/services/open-workspace';
import type { Workspace } from '../src/main/services/workspace';
import { ed25519 } from '../src/shared/identity/ed25519';
import { findPerson } from '../src/shared/review/people';
import { onAbort } from './cleanup';

export interface GenerateOptions {
  seed?: number;
  /** Characters of body text (paragraphs, headings and captions), approximately. */
  targetChars?: number;
  figures?: number;
  /** A subheading before every this many paragraphs. */
  headingEvery?: number;
}

type ImageRef = Pick<FigureFields, 'asset' | 'mime' | 'width' | 'height'>;
/** The generated article before a workspace gives it an id and a history. */
type NewArticle = Omit<Article, 'id' | 'authorId' | 'head'>;

/** The person the benchmark works as, the first person of its workspace. */
export const BENCH_USER = 'Bench';
/** Benchmarks only (like NEWSROOM_TEST_PASSPHRASE): the passphrase BENCH_USER signs in with. */
export const BENCH_PASSPHRASE = 'benchmark passphrase, not a secret';

/** What the benchmark needs to know about the body it generated. */
export interface GeneratedLayout {
  /** Top-level blocks in the body, figures included. */
  blocks: number;
  figures: number;
  /** Characters of text (String length) in paragraphs, headings and captions. */
  characters: number;
  /** Text of the last block (a paragraph), to tell that the whole body is rendered. */
  lastText: string;
  /** Index of a plain paragraph near the middle of the body, for placing the caret. */
  middleParagraph: number;
}

/** mulberry32: small, fast and good enough for text generation. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['云岭市', '雾溪县', '江城', '北部湾', '长三角', '粤港澳大湾区', '成渝地区', '黄河流域', '滨海新区', '高峰村'];
const ACTORS = ['市政府', '县农业农村局', '当地企业', '业内专家', '合作社负责人', '受访村民', '统计部门', '市场监管部门', '研究机构', '投资人'];
const TOPICS = ['数字化转型', '乡村振兴', '绿色能源', '物流网络', '跨境电商', '基础设施建设', '人才培养', '营商环境', '科技创新', '公共服务'];
const VERBS = ['推动', '加快', '完善', '探索', '深化', '落实', '扩大', '优化', '支持', '规划'];
const CLAUSES = [
  '取得了阶段性成果',
  '仍面临资金和人才短缺的问题',
  '带动了周边群众增收',
  '成为当地经济增长的新引擎',
  '还需要更长时间检验成效',
  '吸引了越来越多年轻人返乡创业',
  '让“看数管园”从口号变成日常',
  '被写进了今年的政府工作报告',
];
const TERMS = ['AI', '5G', 'GDP', 'IoT', 'ESG', 'API', 'SaaS', 'Reuters', 'Bloomberg', 'WTO', 'Apple', 'Tesla', 'supply chain', 'cloud platform'];
const EN_SUBJECTS = ['The city government', 'Local officials', 'A spokesperson for the ministry', 'Analysts at the bank', 'Farmers in the valley', 'The regional port authority', 'Economists', 'The company'];
const EN_VERBS = ['said', 'expects', 'announced', 'warned', 'estimated', 'confirmed', 'reported', 'argued'];
const EN_OBJECTS = [
  'that exports rose for the third straight quarter',
  'a new plan to expand rural broadband coverage',
  'that logistics costs fell by nearly a fifth',
  'the programme would be extended to twelve more counties',
  'that investment in clean energy had doubled since 2021',
  'the pilot zone attracted more than 300 firms last year',
  'that demand for skilled workers still outpaces supply',
  'a review of subsidies for small tea growers',
];
const HEADINGS = ['从“靠天吃饭”到“看数管园”', '产业链条不断延伸', 'Data on the hillside', '人才回流带来新变化', '挑战与对策', 'What comes next', '市场端的新打法', '基层治理的新样本'];
const PUNCT = ['，', '；', '。'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function chineseSentence(random: () => number): string {
  const number = random() < 0.4 ? `，同比增长${int(random, 2, 40)}.${int(random, 0, 9)}%` : '';
  const term = random() < 0.35 ? `，并引入 ${pick(random, TERMS)} 技术` : '';
  return (
    `${pick(random, PLACES)}${pick(random, ACTORS)}${pick(random, VERBS)}${pick(random, TOPICS)}${term}` +
    `${pick(random, PUNCT.slice(0, 2))}${pick(random, CLAUSES)}${number}。`
  );
}

function englishSentence(random: () => number): string {
  return `${pick(random, EN_SUBJECTS)} ${pick(random, EN_VERBS)} ${pick(random, EN_OBJECTS)}, according to ${pick(random, TERMS)} data. `;
}

function paragraphText(random: () => number): string {
  const english = random() < 0.2;
  const sentences = int(random, 5, 10);
  let text = '';
  for (let i = 0; i < sentences; i++) {
    text += english ? englishSentence(random) : chineseSentence(random);
    // Chinese copy quotes English sources now and then, and the other way round.
    if (!english && random() < 0.15) text += `（${englishSentence(random).trim()}）`;
  }
  if (english && random() < 0.3) text += `当地人称之为“${pick(random, TOPICS)}”。`;
  return text.trim();
}

/**
 * Builds the body and the article fields. The same options give the same article, byte for
 * byte (the images are passed in, so their assets are whatever the workspace stored).
 */
export function generateArticle(
  images: readonly ImageRef[],
  options: GenerateOptions = {},
): { article: NewArticle; layout: GeneratedLayout } {
  const { seed = 20240601, targetChars = 200_000, figures = 50, headingEvery = 10 } = options;
  if (images.length === 0) throw new Error('generateArticle needs at least one image');
  const random = seededRandom(seed);

  const paragraphs: string[] = [];
  const captions: string[] = [];
  for (let i = 0; i < figures; i++) captions.push(`图${i + 1}：${chineseSentence(random)} Photo ${i + 1} of ${figures}.`);
  let characters = captions.reduce((sum, caption) => sum + caption.length, 0);
  // Headings cost characters too; estimate them as we go so the total lands near the target.
  while (characters < targetChars) {
    const text = paragraphText(random);
    paragraphs.push(text);
    characters += text.length;
    if (paragraphs.length % headingEvery === 1) characters += 12;
  }

  const figureAfter = new Map<number, number>();
  for (let i = 0; i < figures; i++) figureAfter.set(Math.floor(((i + 0.5) * paragraphs.length) / figures), i);

  const children: BodyNode[] = [];
  characters = 0;
  let middleParagraph = 0;
  paragraphs.forEach((text, index) => {
    if (index > 0 && index % headingEvery === 0) {
      const heading = `${index / headingEvery}. ${pick(random, HEADINGS)}`;
      children.push(headingNode(heading, random() < 0.8 ? 'h2' : 'h3'));
      characters += heading.length;
    }
    if (index === Math.floor(paragraphs.length / 2)) middleParagraph = children.length;
    children.push(paragraphNode(text));
    characters += text.length;
    const figure = figureAfter.get(index);
    if (figure !== undefined && index < paragraphs.length - 1) {
      const image = images[figure % images.length]!;
      const caption = captions[figure]!;
      children.push(figureNode({ ...image, caption, credit: `新华社记者 ${pick(random, ['林晓岚', '周明远', 'J. Smith'])} 摄`, alt: `Figure ${figure + 1}` }));
      characters += caption.length;
    }
  });

  const when = '2024-06-01T08:00:00.000Z';
  const article: NewArticle = {
    format: ARTICLE_FORMAT,
    channel: ['首页', 'Benchmark', '正文'],
    headline: '基准测试长稿：数字化转型调查 Benchmark long read',
    deck: 'A generated article of about 200,000 characters with 50 figures, used by npm run bench.',
    byline: '本报记者 基准 Bench 报道',
    language: 'zh-CN',
    body: bodyOf(children),
    createdBy: BENCH_USER,
    createdAt: when,
    updatedBy: BENCH_USER,
    updatedAt: when,
    revision: 0,
  };
  const figureCount = children.filter((node) => node.type === 'figure').length;
  return {
    article,
    layout: { blocks: children.length, figures: figureCount, characters, lastText: paragraphs.at(-1)!, middleParagraph },
  };
}

export interface BenchWorkspace {
  root: string;
  /** This desk's data folder (outside the workspace). */
  data: string;
  workspace: Workspace;
  /** BENCH_USER, signed in. */
  actor: Actor;
  /** The generated article as stored (it has an id). */
  article: Article;
  layout: GeneratedLayout;
  /**
   * Stores another copy of the generated article, with `label` appended to its headline, so a
   * run that edits (and autosaves) one copy leaves the others as generated.
   */
  addCopy(label: string): Promise<Article>;
  remove(): Promise<void>;
}

const fixedClock: Clock = { now: () => new Date('2024-06-01T08:00:00.000Z') };
const SAMPLE_DIR = resolve(import.meta.dirname, '..', 'resources', 'sample');
const SAMPLE_IMAGES = ['figure-1.png', 'figure-2.png', 'figure-3.png', 'figure-4.png', 'figure-5.png'];

function contentOf(article: NewArticle): ArticleContent {
  const { channel, headline, deck, byline, language, body } = article;
  return { channel, headline, deck, byline, language, body };
}

/** A fresh temporary workspace (and data folder) holding only the generated article and its images, by BENCH_USER. */
export async function createBenchWorkspace(options: GenerateOptions = {}): Promise<BenchWorkspace> {
  const base = await mkdtemp(join(tmpdir(), 'newsroom-bench-'));
  const forget = onAbort(() => rmSync(base, { recursive: true, force: true }));
  const remove = () => rm(base, { recursive: true, force: true }).finally(forget);
  try {
    // A new workspace as the app makes it: opened, then set up by its first person, BENCH_USER, without the bundled sample.
    const root = join(base, 'workspace');
    const data = join(base, 'data');
    const workspace = await openWorkspace({ root, clock: fixedClock, data: new DataFolder(data), ed: await ed25519() });
    const key = await setUpWorkspace(workspace, { name: BENCH_USER, passphrase: BENCH_PASSPHRASE, sampleDir: null });
    const actor: Actor = { key, person: findPerson((await workspace.roster()).roster, key.personId)! };
    const images: ImageRef[] = [];
    for (const name of SAMPLE_IMAGES) images.push(await workspace.assets.put(await readFile(join(SAMPLE_DIR, name))));
    const { article, layout } = generateArticle(images, options);
    const content = contentOf(article);
    const stored = await workspace.articles.create(actor, content.language, content);
    return {
      root,
      data,
      workspace,
      actor,
      article: stored,
      layout,
      addCopy: (label) => workspace.articles.create(actor, content.language, { ...content, headline: `${content.headline} ${label}` }),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
