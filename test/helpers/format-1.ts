/**
 * A workspace as format 1 left it (unsigned: workspace.json, people.json, article.json,
 * reviews.jsonl, annotations/, ignores/, history/, trash/), written with the format-1 stores
 * that the upgrade still reads, so the upgrade is tested on the files as they were.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from '../../src/main/services/atomic-write';
import { HistoryStore } from '../../src/main/services/history';
import { AnnotationStore } from '../../src/main/services/legacy/annotation-store';
import { IgnoreStore } from '../../src/main/services/legacy/ignore-store';
import { ReviewStore } from '../../src/main/services/legacy/review-store';
import { RosterStore } from '../../src/main/services/legacy/roster-store';
import { ARTICLE_FILE, TRASHED_FILE, workspaceLayout } from '../../src/main/services/workspace-layout';
import { ArticleSchema, type Article, type ArticleContent } from '../../src/shared/article/article';
import { bodyOf, paragraphNode } from '../../src/shared/article/body';
import { contentHash } from '../../src/shared/article/canonical';
import { addPerson, emptyRoster, type Person, type Role } from '../../src/shared/review/people';
import { sealRecord, type ReviewRecord } from '../../src/shared/review/records';
import { deriveReviewState } from '../../src/shared/review/review-state';
import { applyAction, type ReviewRequest } from '../../src/shared/review/rules';

export type LegacyDesk = 'admin' | 'author' | 'editor' | 'second' | 'third';

export const LEGACY_STAFF: Record<LegacyDesk, { id: string; name: string; roles: Role[] }> = {
  admin: { id: 'u-legacyadmin', name: '孙华', roles: ['admin'] },
  author: { id: 'u-legacyauthor', name: '林晓岚', roles: ['reporter'] },
  editor: { id: 'u-legacyeditor', name: '王丽', roles: ['editor'] },
  second: { id: 'u-legacysecond', name: '赵敏', roles: ['second'] },
  third: { id: 'u-legacythird', name: '陈杰', roles: ['third'] },
};

export const LEGACY_MANIFEST = {
  format: 1,
  name: '贵山日报',
  channels: [['首页', '要闻']],
  review: { authorMayReview: false, blockApprovalWithOpenAnnotations: true },
};

export interface Format1Workspace {
  root: string;
  people: Record<LegacyDesk, Person>;
  /** Signed off at all three reviews, with an annotation thread, an ignore decision and history. */
  signedOff: string;
  /** Submitted and approved at the first review. */
  inReview: string;
  /** A draft put in the trash. */
  trashed: string;
}

const at = (hour: number) => `2025-04-0${1 + Math.floor(hour / 24)}T${String(hour % 24).padStart(2, '0')}:00:00.000Z`;

function copy(headline: string): ArticleContent {
  return { channel: ['首页', '要闻'], headline, deck: `${headline}。导语`, byline: '本报记者 林晓岚', language: 'zh-CN', body: bodyOf([paragraphNode(`${headline}：正文第一段。`)]) };
}

async function writeArticle(dir: string, id: string, content: ArticleContent, revision: number): Promise<Article> {
  const author = LEGACY_STAFF.author;
  const article = ArticleSchema.parse({ ...content, format: 1, id, authorId: author.id, createdBy: author.name, createdAt: at(1), updatedBy: author.name, updatedAt: at(2), revision });
  await mkdir(dir, { recursive: true });
  await writeJsonAtomic(join(dir, ARTICLE_FILE), article);
  const history = new HistoryStore(dir);
  await history.record({ content: copy('初稿'), author: author.id, authorName: author.name, stage: 'draft', kind: 'auto', at: at(1) });
  await history.record({ content, author: author.id, authorName: author.name, stage: 'draft', kind: 'save', label: '定稿', at: at(2) });
  return article;
}

async function review(dir: string, article: Article, people: Record<LegacyDesk, Person>, steps: Array<[LegacyDesk, ReviewRequest]>): Promise<ReviewRecord[]> {
  const store = new ReviewStore(dir);
  const records: ReviewRecord[] = [];
  for (const [index, [desk, request]] of steps.entries()) {
    const state = deriveReviewState({ records, authorId: article.authorId, currentHash: contentHash(article) });
    const result = applyAction({ state, records, actor: people[desk], action: request, at: new Date(at(3 + index)) });
    if (!result.ok) throw new Error(`${desk} may not ${request.action}: ${result.reason.code}`);
    const record = sealRecord(result.record, records.at(-1));
    await store.append(record);
    records.push(record);
  }
  return records;
}

/** Writes a format-1 workspace into `root`. */
export async function format1Workspace(root: string): Promise<Format1Workspace> {
  const layout = workspaceLayout(root);
  await mkdir(root, { recursive: true });
  await writeJsonAtomic(layout.manifest, LEGACY_MANIFEST);
  let roster = emptyRoster();
  for (const person of Object.values(LEGACY_STAFF)) {
    const added = addPerson(roster, { ...person, at: new Date(at(0)) });
    if (!added.ok) throw new Error(added.reason.code);
    roster = added.roster;
  }
  await new RosterStore(layout.people).save(roster);
  const people = Object.fromEntries((Object.keys(LEGACY_STAFF) as LegacyDesk[]).map((desk) => [desk, roster.people.find((p) => p.id === LEGACY_STAFF[desk].id)!])) as Record<LegacyDesk, Person>;

  const signedOff = '20250401-aaaaaaaaa1';
  const signedDir = layout.articleDir(signedOff);
  const signedArticle = await writeArticle(signedDir, signedOff, copy('千年茶山种出数字新动能'), 2);
  await review(signedDir, signedArticle, people, [
    ['author', { action: 'submit' }],
    ['editor', { action: 'approve', opinion: '事实核实无误，同意。' }],
    ['second', { action: 'approve', opinion: '同意送三审。' }],
    ['third', { action: 'approve', opinion: '同意签发。' }],
  ]);
  const editor = { by: people.editor.id, byName: people.editor.name };
  await new AnnotationStore(join(signedDir, 'annotations')).append(editor.by, { kind: 'open', thread: 'm-legacy0001', comment: 'c-legacy0001', quote: '正文', text: '来源？', at: at(4), stage: 'first', ...editor });
  await new AnnotationStore(join(signedDir, 'annotations')).append(editor.by, { kind: 'resolve', thread: 'm-legacy0001', at: at(4), stage: 'first', ...editor });
  await new IgnoreStore(join(signedDir, 'ignores')).append({ findingId: 'long-paragraph:p0:0-10:abcd', reason: '引文不宜拆分', ...editor, at: at(4) });

  const inReview = '20250401-bbbbbbbbb2';
  const reviewDir = layout.articleDir(inReview);
  const reviewArticle = await writeArticle(reviewDir, inReview, copy('县域经济稳中有进多项指标向好'), 2);
  await review(reviewDir, reviewArticle, people, [
    ['author', { action: 'submit' }],
    ['editor', { action: 'approve', opinion: '同意。' }],
  ]);

  const trashed = '20250401-ccccccccc3';
  const trashDir = layout.trashDir(trashed);
  await writeArticle(trashDir, trashed, copy('一篇重复报道的作废稿件'), 2);
  await writeJsonAtomic(join(trashDir, TRASHED_FILE), { trashedAt: at(5), trashedBy: LEGACY_STAFF.author.name, trashedById: LEGACY_STAFF.author.id, stage: 'draft', reason: '重复' });
  return { root, people, signedOff, inReview, trashed };
}
