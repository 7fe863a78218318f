/**
 * A deterministic stream of revisions: the generated article (generate-article.ts) edited
 * the way writers and reviewers edit, a few changes per revision — words typed, cut and
 * replaced inside paragraphs, paragraphs inserted, deleted and moved, captions, credits
 * and alt text rewritten, headline and deck touched up, a phrase set in bold now and then,
 * figures added, removed and their image replaced. Used by the history tests and the
 * history benchmark. Unchanged blocks are shared between revisions, so a thousand
 * revisions of a long article cost little memory.
 */
import { createHash } from 'node:crypto';
import type { ArticleContent } from '../src/shared/article/article';
import { figureNode, paragraphNode, textNode, type BodyNode, type FigureFields } from '../src/shared/article/body';
import { generateArticle, seededRandom } from './generate-article';

export interface RevisionStreamOptions {
  seed?: number;
  /** Characters of text in the first revision, approximately; edits keep it near this. */
  targetChars?: number;
  figures?: number;
  /** Revisions after the first. */
  revisions?: number;
}

type ImageRef = Pick<FigureFields, 'asset' | 'mime' | 'width' | 'height'>;

/** Stand-in images: the history never reads image bytes, only asset ids. */
export function fakeImages(count: number): ImageRef[] {
  return Array.from({ length: count }, (_, i) => ({
    asset: createHash('sha256').update(`image ${i}`).digest('hex'),
    mime: 'image/png' as const,
    width: 640 + i,
    height: 400 + i,
  }));
}

const ZH_PHRASES = [
  '据记者了解，',
  '当地有关部门表示',
  '这一做法已在多个县推广',
  '截至目前，',
  '受访者普遍认为',
  '项目总投资约12亿元',
  '“我们还要再看看”',
  '下一步将继续完善配套政策',
  '专家提醒，',
  '数据显示，同比增长8.6%',
  '茶农们早早来到山上',
  '物流成本明显下降',
];
const EN_PHRASES = [
  'according to Reuters',
  ' the ministry said on Tuesday',
  'supply chain',
  ' (AI) ',
  'cloud platform',
  ' a spokesperson declined to comment',
  'GDP grew 5.2%',
  ' in the third quarter',
  'Tesla and Apple',
  ' local officials said',
];
const FIGURE_TEXT = ['图：', '新华社记者 摄', '航拍画面', 'Aerial view of the tea hills', '资料图片', 'Photo: J. Smith', '左起', '（视觉中国）'];

interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
}

function randomSource(seed: number): Random {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
  };
}

function phrase(random: Random): string {
  const count = random.int(1, 3);
  let out = '';
  for (let i = 0; i < count; i++) out += random.next() < 0.7 ? random.pick(ZH_PHRASES) : random.pick(EN_PHRASES);
  return out;
}

function newParagraphText(random: Random): string {
  let text = '';
  const target = random.int(60, 360);
  while (text.length < target) text += phrase(random) + (random.next() < 0.5 ? '。' : '，');
  return text;
}

/** A position in `text` that does not split a surrogate pair. */
function position(random: Random, text: string): number {
  let at = random.int(0, text.length);
  if (at > 0 && at < text.length && text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff) at--;
  return at;
}

function editText(random: Random, text: string): string {
  const roll = random.next();
  const at = position(random, text);
  if (roll < 0.45 || text.length < 4) return text.slice(0, at) + phrase(random) + text.slice(at);
  const end = Math.min(text.length, at + random.int(1, 40));
  if (roll < 0.75) return text.slice(0, at) + text.slice(end);
  return text.slice(0, at) + phrase(random) + text.slice(end);
}

function isTextBlock(node: BodyNode): boolean {
  return node.type === 'paragraph' || node.type === 'heading';
}

function blockText(node: BodyNode): string {
  return (node.children ?? []).map((child) => child.text ?? '').join('');
}

/** Edits one text child of a paragraph or heading, keeping its other children as they are. */
function editBlock(random: Random, node: BodyNode): BodyNode {
  const children = node.children ?? [];
  if (children.length === 0) return { ...node, children: [textNode(newParagraphText(random))] };
  const index = random.int(0, children.length - 1);
  const child = children[index]!;
  const next = editText(random, child.text ?? '');
  const nextChildren = next === '' ? children.filter((_, i) => i !== index) : children.map((c, i) => (i === index ? { ...c, text: next } : c));
  return { ...node, children: nextChildren };
}

/** Sets part of a single-run paragraph in bold (Lexical format bit 1). */
function boldPhrase(random: Random, node: BodyNode): BodyNode {
  const children = node.children ?? [];
  if (children.length !== 1) return editBlock(random, node);
  const text = children[0]!.text ?? '';
  const start = position(random, text);
  const end = Math.min(text.length, start + random.int(2, 12));
  if (end <= start) return editBlock(random, node);
  const runs = [textNode(text.slice(0, start)), textNode(text.slice(start, end), 1), textNode(text.slice(end))].filter((run) => run.text !== '');
  return { ...node, children: runs };
}

function bodyChars(children: readonly BodyNode[]): number {
  let total = 0;
  for (const node of children) total += node.type === 'figure' ? String(node.caption).length : blockText(node).length;
  return total;
}

/** One edit of the content, returning new objects wherever something changed. */
function applyEdit(random: Random, content: ArticleContent, images: readonly ImageRef[], targetChars: number): ArticleContent {
  const children = [...(content.body.root.children ?? [])];
  const withChildren = (next: BodyNode[]): ArticleContent => ({ ...content, body: { ...content.body, root: { ...content.body.root, children: next } } });
  const textIndexes = children.flatMap((node, i) => (isTextBlock(node) ? [i] : []));
  const figureIndexes = children.flatMap((node, i) => (node.type === 'figure' ? [i] : []));
  const size = bodyChars(children);
  let roll = random.next();
  // Keep the article near its target length.
  if (size > targetChars * 1.1 && roll < 0.6) roll = 0.66;
  if (size < targetChars * 0.9 && roll < 0.6) roll = 0.55;

  if (roll < 0.5 && textIndexes.length > 0) {
    const i = random.pick(textIndexes);
    children[i] = editBlock(random, children[i]!);
    return withChildren(children);
  }
  if (roll < 0.6) {
    children.splice(random.int(0, children.length), 0, paragraphNode(newParagraphText(random)));
    return withChildren(children);
  }
  if (roll < 0.7 && textIndexes.length > 1) {
    children.splice(random.pick(textIndexes), 1);
    return withChildren(children);
  }
  if (roll < 0.82 && figureIndexes.length > 0) {
    const i = random.pick(figureIndexes);
    const figure = children[i]!;
    const field = random.pick(['caption', 'caption', 'credit', 'alt'] as const);
    const text = String(figure[field] ?? '');
    const next = random.next() < 0.2 ? random.pick(FIGURE_TEXT) : editText(random, text).slice(0, field === 'credit' ? 300 : 1000);
    children[i] = { ...figure, [field]: next };
    return withChildren(children);
  }
  if (roll < 0.86 && textIndexes.length > 1) {
    const [moved] = children.splice(random.pick(textIndexes), 1);
    children.splice(random.int(0, children.length), 0, moved!);
    return withChildren(children);
  }
  if (roll < 0.9) {
    const field = random.next() < 0.6 ? 'headline' : 'deck';
    return { ...content, [field]: editText(random, content[field]).slice(0, field === 'headline' ? 300 : 1000) };
  }
  if (roll < 0.94 && textIndexes.length > 0) {
    const i = random.pick(textIndexes);
    children[i] = boldPhrase(random, children[i]!);
    return withChildren(children);
  }
  const figureRoll = random.next();
  if (figureRoll < 0.4 || figureIndexes.length === 0) {
    const image = random.pick(images);
    children.splice(random.int(0, children.length), 0, figureNode({ ...image, caption: phrase(random), credit: random.pick(FIGURE_TEXT), alt: 'New figure' }));
  } else if (figureRoll < 0.7) {
    children.splice(random.pick(figureIndexes), 1);
  } else {
    const i = random.pick(figureIndexes);
    children[i] = { ...children[i]!, ...random.pick(images) };
  }
  return withChildren(children);
}

/** Equal content, compared cheaply: blocks shared between the two are not serialized. */
function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  if (a.headline !== b.headline || a.deck !== b.deck || a.byline !== b.byline) return false;
  const left = a.body.root.children ?? [];
  const right = b.body.root.children ?? [];
  if (left.length !== right.length) return false;
  return left.every((node, i) => node === right[i] || JSON.stringify(node) === JSON.stringify(right[i]));
}

/**
 * The first revision and `revisions` edited ones after it (revisions + 1 in all). Every
 * revision differs from the one before, so none of them is skipped as unchanged.
 */
export function generateRevisions(options: RevisionStreamOptions = {}): ArticleContent[] {
  const { seed = 20240601, targetChars = 20_000, figures = 5, revisions = 1000 } = options;
  const images = fakeImages(6);
  const { article } = generateArticle(images.slice(0, 5), { seed, targetChars, figures });
  const first: ArticleContent = {
    channel: article.channel,
    headline: article.headline,
    deck: article.deck,
    byline: article.byline,
    language: article.language,
    body: article.body,
  };
  const random = randomSource(seed ^ 0x5eed);
  const out = [first];
  let current = first;
  while (out.length <= revisions) {
    let next = current;
    const edits = random.int(1, 3);
    for (let i = 0; i < edits; i++) next = applyEdit(random, next, images, targetChars);
    if (sameContent(current, next)) continue;
    out.push(next);
    current = next;
  }
  return out;
}
