import { expect } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, figureNode, headingNode, paragraphNode, textNode, type BodyNode, type FigureFields } from '../../../src/shared/article/body';
import { runChecks } from '../../../src/shared/checks/engine';
import type { Finding, FindingLocation } from '../../../src/shared/checks/finding';
import { EMPTY_HOUSE_LISTS, type HouseLists } from '../../../src/shared/checks/lists';
import type { RuleId } from '../../../src/shared/checks/rules';
import { extractSegments } from '../../../src/shared/checks/segments';
import { CheckSettingsSchema, DEFAULT_CHECK_SETTINGS, type CheckSettings, type CheckSettingsInput } from '../../../src/shared/checks/settings';

export const ASSET = 'a'.repeat(64);

export const p = (text: string): BodyNode => paragraphNode(text);
export const h = (text: string): BodyNode => headingNode(text);
export const quote = (text: string): BodyNode => ({ type: 'quote', version: 1, direction: null, format: '', indent: 0, children: [textNode(text)] });
export const list = (...items: string[]): BodyNode => ({
  type: 'list',
  version: 1,
  listType: 'bullet',
  start: 1,
  tag: 'ul',
  direction: null,
  format: '',
  indent: 0,
  children: items.map((text, i) => ({ type: 'listitem', version: 1, value: i + 1, direction: null, format: '', indent: 0, children: [textNode(text)] })),
});
export const fig = (fields: Partial<FigureFields> = {}): BodyNode =>
  figureNode({ asset: ASSET, mime: 'image/png', width: 10, height: 10, caption: '茶农在高峰村的茶园里采茶。', credit: '记者 林晓岚 摄', alt: '茶园里的茶农', ...fields });

/** A clean Chinese article; `blocks` is the body. */
export function article(parts: Partial<Omit<ArticleContent, 'body'>> & { blocks?: BodyNode[] } = {}): ArticleContent {
  const { blocks = [p('雾溪县茶产业全链条数字化转型取得新进展。')], ...fields } = parts;
  return {
    channel: ['首页', '贵山'],
    headline: '雾溪县推动茶产业数字化转型',
    deck: '',
    byline: '本报记者 林晓岚',
    language: 'zh-CN',
    ...fields,
    body: bodyOf(blocks),
  };
}

/** A clean English article. */
export function englishArticle(parts: Partial<Omit<ArticleContent, 'body'>> & { blocks?: BodyNode[] } = {}): ArticleContent {
  return article({
    channel: ['Home', 'Business'],
    headline: 'Tea county turns to data',
    byline: 'By Lin Xiaolan',
    language: 'en',
    blocks: [p('The county has put sensors in its tea gardens.')],
    ...parts,
  });
}

export function settingsWith(input: CheckSettingsInput): CheckSettings {
  return CheckSettingsSchema.parse(input);
}

/** The text a location's offsets are relative to. */
export function segmentTextAt(content: ArticleContent, location: FindingLocation): string {
  const segment = extractSegments(content).find(
    (s) => s.field === location.field && s.block === location.block && s.figure === location.figure,
  );
  if (!segment) throw new Error(`no segment at ${JSON.stringify(location)}`);
  return segment.text;
}

/** Every finding's offsets point at its text. */
export function expectConsistent(content: ArticleContent, findings: readonly Finding[]): void {
  for (const finding of findings) {
    const text = segmentTextAt(content, finding.location);
    expect(text.slice(finding.location.start, finding.location.end), finding.id).toBe(finding.text);
    expect(finding.location.start).toBeLessThanOrEqual(finding.location.end);
  }
}

/** The findings of one rule, after checking that all findings' offsets are right. */
export function findingsOf(
  rule: RuleId,
  content: ArticleContent,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
  lists: HouseLists = EMPTY_HOUSE_LISTS,
): Finding[] {
  const all = runChecks(content, settings, lists);
  expectConsistent(content, all);
  return all.filter((finding) => finding.rule === rule);
}

/** The offending texts of one rule's findings. */
export function textsOf(rule: RuleId, content: ArticleContent, settings?: CheckSettings, lists?: HouseLists): string[] {
  return findingsOf(rule, content, settings, lists).map((finding) => finding.text);
}

/** Checks one paragraph of body text with one rule: the offending texts. */
export function inBody(rule: RuleId, text: string, lists?: HouseLists): string[] {
  return textsOf(rule, article({ blocks: [p(text)] }), undefined, lists);
}
