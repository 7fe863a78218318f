import type { IndexedArticle } from '../../../src/shared/search/indexed-article';

/** One search engine under comparison, driven the same way as the others. */
export interface Candidate {
  name: string;
  /** Starts an index in `dir`: articles are added in batches, then it is written out. */
  build(dir: string): Builder;
  /** Loads the index from `dir`, ready to answer. */
  load(dir: string): Promise<Searcher>;
}

export interface Builder {
  add(articles: IndexedArticle[]): void;
  finish(): Promise<void>;
}

export interface Searcher {
  /** The best 20 by the engine's relevance, and how many match in all. */
  top(query: string): { ids: string[]; total: number };
  /** Every matching article id (for recall and precision). */
  all(query: string): string[];
  close(): void;
}

/** All the searchable text of an article, one piece per line: what the in-memory engines index. */
export function articleText(article: IndexedArticle): string {
  const parts = [article.headline, article.deck, article.byline, ...article.blocks.map((b) => b.text)];
  for (const figure of article.figures) parts.push(figure.caption, figure.credit);
  for (const note of article.annotations) parts.push(note.text);
  for (const opinion of article.opinions) parts.push(opinion.text);
  return parts.join('\n');
}
