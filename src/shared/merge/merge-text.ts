/**
 * Three-way merge of one piece of text (a headline, a paragraph) by words: Latin text by
 * words, Chinese by the words the language's segmenter finds (the same as the history diff),
 * so two editors who fixed different words of one sentence both keep their fix, and a
 * collision is only where they changed the same words.
 */
import { segmenterFor } from '../history/text-diff';
import { diff3 } from './diff3';

export function wordsOf(text: string, language: string): string[] {
  const segmenter = segmenterFor(language);
  if (!segmenter) return [...text];
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** The merged text, or null when both sides changed the same words differently. */
export function mergeText(base: string, a: string, b: string, language: string): string | null {
  if (a === b || b === base) return a;
  if (a === base) return b;
  const regions = diff3(wordsOf(base, language), wordsOf(a, language), wordsOf(b, language), (word) => word);
  if (regions.some((region) => region.kind === 'collision')) return null;
  return regions.map((region) => (region.kind === 'resolved' ? region.items.join('') : '')).join('');
}
