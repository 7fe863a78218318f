/**
 * A deterministic newsroom archive for the library benchmark and the engine comparison: article
 * number i is always the same article (so corpora need no caching and any article can be
 * regenerated on its own), about three in four in Chinese and one in four in English, with
 * figures, annotations and review records, as the index receives them.
 */
import { ARTICLE_FORMAT, type Article } from '../../src/shared/article/article';
import { bodyOf, figureNode, headingNode, paragraphNode, type BodyNode } from '../../src/shared/article/body';
import type { AnnotationThread } from '../../src/shared/annotations/events';
import type { Person } from '../../src/shared/review/people';
import type { ReviewRecord } from '../../src/shared/review/records';
import { deriveReviewState } from '../../src/shared/review/review-state';
import { indexedArticleOf } from '../../src/shared/search/from-article';
import type { IndexedArticle, TrashNote } from '../../src/shared/search/indexed-article';
import { seededRandom } from '../generate-article';
import * as V from './vocabulary';
import { chineseParagraph, englishParagraph, type Theme } from './sentences';

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
/** Skewed towards the start of the list, as real word use is. */
const pickSkewed = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * random() * list.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** The newsroom: reporters, the three review roles and an administrator. */
export function corpusPeople(): Person[] {
  const random = seededRandom(7);
  const people: Person[] = [];
  const used = new Set<string>();
  const add = (name: string, roles: Person['roles']) => {
    if (used.has(name)) return;
    used.add(name);
    people.push({ id: `u-p${String(people.length).padStart(5, '0')}`, name, roles, active: true, createdAt: '2022-01-01T00:00:00.000Z' });
  };
  while (people.length < 120) add(pick(random, V.SURNAMES) + pick(random, V.GIVEN), ['reporter']);
  for (let i = 0; i < 12; i++) add(`${pick(random, V.EN_FIRST)} ${pick(random, V.EN_LAST)}`, ['reporter']);
  const roles: Array<Person['roles']> = [...Array(20).fill(['editor']), ...Array(8).fill(['second']), ...Array(4).fill(['third']), ['admin']];
  for (const role of roles) {
    const before = people.length;
    while (people.length === before) add(pick(random, V.SURNAMES) + pick(random, V.GIVEN), role);
  }
  return people;
}

const PEOPLE = corpusPeople();
const REPORTERS = PEOPLE.filter((p) => p.roles.includes('reporter'));
const byRole = (role: Person['roles'][number]) => PEOPLE.filter((p) => p.roles.includes(role));
const REVIEWERS = { first: byRole('editor'), second: byRole('second'), third: byRole('third') } as const;

/** About a hundred articles a day, ending at this date. */
const END = Date.parse('2025-06-01T00:00:00.000Z');
const PER_DAY = 100;
const ASSET = 'a'.repeat(64);
const HASH = 'c'.repeat(64);

export function articleId(index: number): string {
  return `gen-${String(index).padStart(7, '0')}`;
}

/** What article `index` is made of: its copy, review records, annotation threads and whether it is in the trash. */
export interface CorpusSource {
  article: Article;
  records: ReviewRecord[];
  threads: AnnotationThread[];
  trash: TrashNote | null;
}

export function corpusSource(index: number): CorpusSource {
  const random = seededRandom(0x5eed + index * 7919);
  const english = random() < 0.25;
  const author = pickSkewed(random, REPORTERS);
  const theme: Theme = {
    province: pick(random, V.PROVINCES),
    city: pick(random, V.CITIES),
    topic: pickSkewed(random, V.TOPICS),
    org: pick(random, V.ORGS),
    enPlace: pickSkewed(random, V.EN_PLACES),
    enTopic: pickSkewed(random, V.EN_TOPICS),
  };
  const created = END - ((index / PER_DAY) * 86_400_000) - int(random, 0, 86_399) * 1000;
  const updated = created + int(random, 600, 3 * 86_400) * 1000;
  const children: BodyNode[] = [];
  const paragraphs = english ? int(random, 5, 18) : int(random, 4, 16);
  const figures = random() < 0.6 ? int(random, 1, 4) : 0;
  const figureAt = new Set(Array.from({ length: figures }, () => int(random, 1, paragraphs - 1)));
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && p % 6 === 0) children.push(headingNode(english ? `${theme.enTopic} in ${theme.enPlace}` : `${theme.city}${theme.topic}的新变化`));
    children.push(paragraphNode(english ? englishParagraph(random, theme) : chineseParagraph(random, theme)));
    if (figureAt.has(p)) children.push(figureNode({ asset: ASSET, mime: 'image/jpeg', width: 1600, height: 1067, alt: '', ...figureText(random, theme, english, created) }));
  }
  const article: Article = {
    format: ARTICLE_FORMAT,
    id: articleId(index),
    channel: english ? ['International', pick(random, ['Business', 'Asia', 'Climate'])] : ['要闻', pick(random, ['经济', '社会', '地方', '农业'])],
    headline: english ? `${theme.enPlace}: ${cap(theme.enTopic)} ${pick(random, ['plan faces first test', 'gathers pace', 'draws mixed reviews', 'set for overhaul'])}` : `${theme.city}：${theme.topic}${pick(random, ['跑出加速度', '迈出新步伐', '面临新考验', '交出新答卷'])}`,
    deck: english ? `${pick(random, V.EN_SUBJECTS)} ${pick(random, V.EN_VERBS)} ${pick(random, V.EN_OBJECTS)}.` : `${theme.province}${theme.org}${pick(random, V.VERBS)}${theme.topic}，${pick(random, V.CLAUSES)}。`,
    byline: english ? `By ${author.name}` : `本报记者 ${author.name}`,
    language: english ? 'en' : 'zh-CN',
    body: bodyOf(children),
    authorId: author.id,
    createdBy: author.name,
    createdAt: new Date(created).toISOString(),
    updatedBy: author.name,
    updatedAt: new Date(updated).toISOString(),
    revision: int(random, 1, 40),
    head: '',
  };
  const records = reviewRecords(random, author, english, updated);
  return { article, records, threads: threads(random, english, records.length > 0 ? records[0]!.at : article.updatedAt), trash: records.length === 0 && random() < 0.2 ? { at: new Date(updated + 1000).toISOString(), by: author.name, reason: null } : null };
}

/** Article `index` as the index takes it. */
export function corpusArticle(index: number): IndexedArticle {
  const { article, records, threads, trash } = corpusSource(index);
  const review = deriveReviewState({ records, authorId: article.authorId, currentHash: HASH });
  return indexedArticleOf({ article, stamp: `gen-1-${index}`, review, reviewProblem: null, records, threads, trash });
}

/** Articles 0 … count-1, newest first. */
export function* corpus(count: number, from = 0): Generator<IndexedArticle> {
  for (let index = from; index < count; index++) yield corpusArticle(index);
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function figureText(random: Random, theme: Theme, english: boolean, at: number): { caption: string; credit: string } {
  const date = new Date(at);
  const photographer = pick(random, PEOPLE).name;
  if (english) return { caption: `${cap(theme.enTopic)} in ${theme.enPlace}: ${pick(random, V.EN_SUBJECTS).toLowerCase()} at work on ${date.getUTCDate()} ${date.toLocaleString('en', { month: 'long', timeZone: 'UTC' })}.`, credit: `Photo: ${photographer}` };
  return { caption: `${date.getUTCMonth() + 1}月${date.getUTCDate()}日，${theme.city}一处${pick(random, V.SITES)}，${pick(random, V.SCENES)}。`, credit: `${pick(random, V.AGENCIES)} ${photographer} 摄` };
}

type Recorded = ReviewRecord;

/** A plausible history through the chain: most of the archive is signed off, some is on its way. */
function reviewRecords(random: Random, author: Person, english: boolean, updated: number): Recorded[] {
  const records: Recorded[] = [];
  let at = updated;
  const push = (action: Recorded['action'], actor: Person, stage: Recorded['stage'], opinion: string, to?: Recorded['to']) => {
    at += int(random, 60, 7200) * 1000;
    records.push({ seq: records.length, action, actorId: actor.id, actorName: actor.name, at: new Date(at).toISOString(), stage, opinion, contentHash: HASH, prevHash: HASH, hash: HASH, ...(to ? { to } : {}) });
  };
  const roll = random();
  if (roll < 0.05) return records;
  push('submit', author, 'draft', '');
  const reach = roll < 0.09 ? 0 : roll < 0.12 ? 1 : roll < 0.15 ? 2 : 3;
  const stages = ['first', 'second', 'third'] as const;
  for (let s = 0; s < reach; s++) {
    const stage = stages[s]!;
    const reviewer = pickSkewed(random, REVIEWERS[stage]);
    if (random() < 0.08) {
      push('return', reviewer, stage, pick(random, english ? V.EN_RETURNS : V.ZH_RETURNS), 'draft');
      push('submit', author, 'draft', '');
      for (let back = 0; back < s; back++) push('approve', pickSkewed(random, REVIEWERS[stages[back]!]), stages[back]!, pick(random, english ? V.EN_OPINIONS : V.ZH_OPINIONS));
    }
    push('approve', reviewer, stage, pick(random, english ? V.EN_OPINIONS : V.ZH_OPINIONS));
  }
  return records;
}

function threads(random: Random, english: boolean, at: string): AnnotationThread[] {
  const count = random() < 0.3 ? int(random, 1, 3) : 0;
  return Array.from({ length: count }, (_, i) => {
    const by = pick(random, [...REVIEWERS.first, ...REVIEWERS.second]);
    const text = pick(random, english ? V.EN_NOTES : V.ZH_NOTES);
    return {
      id: `m-gen${String(i).padStart(5, '0')}`,
      quote: '',
      openedBy: by.id,
      openedByName: by.name,
      openedAt: at,
      stage: 'first',
      resolved: false,
      resolvedBy: null,
      resolvedByName: null,
      resolvedAt: null,
      comments: [{ id: `c-gen${String(i).padStart(5, '0')}`, by: by.id, byName: by.name, at, stage: 'first', text, editedAt: null }],
    };
  });
}
