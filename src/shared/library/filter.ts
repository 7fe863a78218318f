import { formatChannel, type ArticleSummary } from '../article/article';

/** Case-insensitive match on headline, channel and author; every word of the filter must match. */
export function matchesFilter(article: ArticleSummary, filter: string): boolean {
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${article.headline} ${formatChannel(article.channel)} ${article.createdBy} ${article.updatedBy}`.toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}
