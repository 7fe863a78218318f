import { ARTICLE_FORMAT, type Article } from '../../../../src/shared/article/article';
import { bodyOf, figureNode, paragraphNode } from '../../../../src/shared/article/body';
import type { AnnotationThread } from '../../../../src/shared/annotations/events';
import { indexedArticleOf } from '../../../../src/shared/search/from-article';
import type { IndexedArticle } from '../../../../src/shared/search/indexed-article';
import { AUTHOR, Desk, EDITOR } from '../../../shared/review/desk';

export interface Story {
  id: string;
  headline?: string;
  paragraphs?: string[];
  /** Figures, each after the paragraphs: [caption, credit]. */
  figures?: Array<[string, string]>;
  notes?: string[];
  channel?: string[];
  updatedAt?: string;
  desk?: Desk;
  trashed?: boolean;
  stamp?: string;
}

/** An article as the workspace would hand it to the index, built through indexedArticleOf. */
export function story(input: Story): IndexedArticle {
  const desk = input.desk ?? new Desk();
  const children = (input.paragraphs ?? ['正文。']).map((text) => paragraphNode(text));
  for (const [caption, credit] of input.figures ?? []) {
    children.push(figureNode({ asset: 'a'.repeat(64), mime: 'image/png', width: 10, height: 10, caption, credit, alt: '' }));
  }
  const at = input.updatedAt ?? '2025-05-01T08:00:00.000Z';
  const article: Article = {
    format: ARTICLE_FORMAT,
    id: input.id,
    channel: input.channel ?? ['要闻'],
    headline: input.headline ?? `Headline ${input.id}`,
    deck: '',
    byline: `本报记者 ${AUTHOR.name}`,
    language: 'zh-CN',
    body: bodyOf(children),
    authorId: AUTHOR.id,
    createdBy: AUTHOR.name,
    createdAt: '2025-04-01T08:00:00.000Z',
    updatedBy: AUTHOR.name,
    updatedAt: at,
    revision: 1,
    head: '',
  };
  const threads: AnnotationThread[] = (input.notes ?? []).map((text, i) => ({
    id: `m-note0000${i}`,
    quote: '',
    openedBy: EDITOR.id,
    openedByName: EDITOR.name,
    openedAt: at,
    stage: 'first',
    resolved: false,
    resolvedBy: null,
    resolvedByName: null,
    resolvedAt: null,
    comments: [{ id: `c-note0000${i}`, by: EDITOR.id, byName: EDITOR.name, at, stage: 'first', text, editedAt: null }],
  }));
  return indexedArticleOf({
    article,
    stamp: input.stamp ?? 'stamp-1',
    review: desk.state,
    reviewProblem: null,
    records: desk.records,
    threads,
    trash: input.trashed ? { at, by: EDITOR.name, reason: 'duplicate' } : null,
  });
}
