/** The two shapes a rule implementation takes. See registry.ts for the list. */
import type { ArticleContent } from '../article/article';
import type { Bilingual, FindingFix } from './finding';
import type { HouseLists } from './lists';
import type { RuleId } from './rules';
import type { Segment } from './segments';
import type { CheckSettings } from './settings';

export interface CheckConfig {
  settings: CheckSettings;
  lists: HouseLists;
}

/** A finding inside one segment, before the engine adds where the segment is. */
export interface RawFinding {
  rule: RuleId;
  start: number;
  end: number;
  message: Bilingual;
  fix?: FindingFix;
}

/** A finding in segment number `segment` of the article. */
export interface SegmentFinding extends RawFinding {
  segment: number;
}

/**
 * A rule that looks at one segment's text at a time. Its results depend on the text alone,
 * so the checker caches them by text and re-runs the rule only on segments that changed.
 */
export interface SegmentRule {
  kind: 'segment';
  id: RuleId;
  /** Called once per checker with its settings and lists; returns the scanner. */
  create(config: CheckConfig): (text: string) => RawFinding[];
}

export interface CollectInput<F> {
  content: ArticleContent;
  segments: readonly Segment[];
  /** What `scan` found in each segment, parallel to `segments` (cached by text like segment rules). */
  facts: readonly F[];
}

/** What a fix of `rule` would do: the text in [start, end) of `segment` becomes `replacement`. */
export interface FixEdit {
  rule: RuleId;
  segment: Segment;
  start: number;
  end: number;
  replacement: string;
  language: ArticleContent['language'];
  /** How far around the edit a rule reading a few characters of context may look (see fixReach). */
  reach: number;
}

/** The segment's text with the edit applied. */
export function editedText(edit: FixEdit): string {
  return edit.segment.text.slice(0, edit.start) + edit.replacement + edit.segment.text.slice(edit.end);
}

/**
 * How far around an edit the rules may look: the longest house term, or name with its title and a
 * separator, and a margin for the few characters the built-in rules read around what they find.
 */
export function fixReach(lists: HouseLists): number {
  let longest = 0;
  for (const term of lists.terms) longest = Math.max(longest, term.avoid.length, term.use.length);
  for (const person of lists.names) longest = Math.max(longest, person.name.length + person.title.length + 4);
  return longest + 48;
}

/**
 * The text within `edit.reach` characters of an edit, before and after it. Whatever a local rule
 * finds differently in the two was changed by the edit: what the edges cut off is the same in both.
 */
export function aroundEdit(edit: FixEdit): { before: string; after: string } {
  const { reach } = edit;
  const text = edit.segment.text;
  const from = Math.max(0, edit.start - reach);
  const to = Math.min(text.length, edit.end + reach);
  return { before: text.slice(from, to), after: text.slice(from, edit.start) + edit.replacement + text.slice(edit.end, to) };
}

export interface ArticleScanner<F> {
  /** Per segment, cached by text: the facts `collect` needs. Omitted by rules that read the content directly. */
  scan?: (text: string) => F;
  /** Per check: findings from the facts of all segments. Must be cheap (no pass over the whole text). */
  collect(input: CollectInput<F>): SegmentFinding[];
  /**
   * For rules whose findings hang on more than the characters a fix touches (a field's length,
   * the script around a quotation): false when another rule's fix would make this rule report
   * something new, so that fix is not offered. Must depend only on the edit.
   */
  allowsFix?: (edit: FixEdit) => boolean;
}

/** A rule that needs the whole article: completeness, consistency across paragraphs, first mentions. */
export interface ArticleRule<F = unknown> {
  kind: 'article';
  id: RuleId;
  create(config: CheckConfig): ArticleScanner<F>;
}

export type Rule = SegmentRule | ArticleRule<never>;

export function segmentRule(id: RuleId, create: SegmentRule['create']): SegmentRule {
  return { kind: 'segment', id, create };
}

export function articleRule<F>(id: RuleId, create: (config: CheckConfig) => ArticleScanner<F>): ArticleRule<never> {
  return { kind: 'article', id, create } as unknown as ArticleRule<never>;
}

/** Index of the first segment of `field` (headline, deck, byline and channel are always present). */
export function fieldSegment(segments: readonly Segment[], field: 'headline' | 'deck' | 'byline' | 'channel'): number {
  return segments.findIndex((segment) => segment.field === field);
}
