import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/article/article';
import { matchesFilter } from '../../../src/shared/library/filter';

const ARTICLE: ArticleSummary = {
  id: '20250501-0123456789',
  headline: 'Tea Hills Go Digital 千年茶山',
  channel: ['首页', '贵山', '正文'],
  createdBy: '林晓岚',
  updatedAt: '2025-05-01T08:00:00.000Z',
  updatedBy: 'Zhou Mingyuan',
  authorId: '',
  review: null,
  reviewProblem: null,
};

describe('matchesFilter', () => {
  it.each(['', '   ', 'tea', 'DIGITAL', '茶山', '贵山', '首页 > 贵山', '林晓岚', 'mingyuan', 'tea 茶山 贵山'])('matches %j', (filter) => {
    expect(matchesFilter(ARTICLE, filter)).toBe(true);
  });

  it.each(['coffee', 'tea coffee', '要闻', '20250501', 'digitals'])('does not match %j', (filter) => {
    expect(matchesFilter(ARTICLE, filter)).toBe(false);
  });
});
