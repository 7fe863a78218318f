import { describe, expect, it } from 'vitest';
import type { PlacedText } from '../../../src/shared/search/places';
import { parseQuery } from '../../../src/shared/search/query';
import { bestSnippet, highlightsIn, SNIPPET_LENGTH } from '../../../src/shared/search/snippet';

const marked = (text: string, ranges: Array<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

describe('highlightsIn', () => {
  it('marks exactly the matched text, as ranges', () => {
    const text = '贵州茶叶：Tea exports from Guizhou';
    expect(marked(text, highlightsIn(text, parseQuery('贵州 tea')))).toEqual(['贵州', 'Tea']);
  });

  it('marks a lone character found at the head of a bigram, not the pair', () => {
    expect(marked('茶叶', highlightsIn('茶叶', parseQuery('茶')))).toEqual(['茶']);
  });

  it('marks whole words only, and a prefix as the word it starts', () => {
    expect(highlightsIn('corporate rates', parseQuery('rate'))).toEqual([]);
    expect(marked('broadband plan', highlightsIn('broadband plan', parseQuery('broad*')))).toEqual(['broadband']);
  });

  it('finds text written in full-width letters', () => {
    const text = '引入ＡＩ质检';
    expect(marked(text, highlightsIn(text, parseQuery('ai')))).toEqual(['ＡＩ']);
  });
});

describe('bestSnippet', () => {
  const places: PlacedText[] = [
    { field: 'headline', text: '贵州茶园' },
    { field: 'body', block: 0, text: '第一段没有要找的词。' },
    { field: 'body', block: 2, text: `${'前文'.repeat(40)}贵州的茶农在采茶${'后文'.repeat(40)}` },
    { field: 'caption', figure: 1, text: '贵州一处茶园，茶农在采茶。' },
  ];

  it('prefers the place with the most terms, in reading order, over the headline', () => {
    const snippet = bestSnippet(places, parseQuery('贵州 茶农'))!;
    expect(snippet.location).toEqual({ field: 'body', block: 2, start: 80, end: 82 });
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(snippet.cutBefore && snippet.cutAfter).toBe(true);
    expect(marked(snippet.text, snippet.highlights)).toEqual(['贵州', '茶农']);
  });

  it('opens a caption hit at its figure', () => {
    const snippet = bestSnippet(places, parseQuery('一处茶园'))!;
    expect(snippet.location).toMatchObject({ field: 'caption', figure: 1, start: 2, end: 6 });
    expect(snippet.text).toBe('贵州一处茶园，茶农在采茶。');
  });

  it('falls back to the headline when nothing else matches, and to nothing when nothing does', () => {
    expect(bestSnippet(places, parseQuery('茶园'))!.location.field).toBe('caption');
    expect(bestSnippet([places[0]!], parseQuery('茶园'))!.location).toEqual({ field: 'headline', start: 2, end: 4 });
    expect(bestSnippet(places, parseQuery('云南'))).toBeNull();
  });

  it('keeps the snippet the length of the text it shows, so highlights line up', () => {
    const snippet = bestSnippet([{ field: 'opinion', record: 3, text: 'Check\nthe  spelling of the mayor’s name.' }], parseQuery('"the mayor"'))!;
    expect(snippet.text).toBe('Check the  spelling of the mayor’s name.');
    expect(marked(snippet.text, snippet.highlights)).toEqual(['the mayor']);
    expect(snippet.location).toMatchObject({ field: 'opinion', record: 3 });
  });
});
