import { describe, expect, it } from 'vitest';
import { paragraphNode } from '../../../src/shared/article/body';
import { CLEAR_SHARE, detectLanguage, languageText, MIN_LETTERS, scriptLetters } from '../../../src/shared/article/language';

describe('detectLanguage', () => {
  it.each([
    ['千年茶山“种”出数字新动能', 'zh-CN'],
    ['雾溪县以物联网、溯源平台和电商直播为抓手，推动5G基站覆盖全部茶园，App下单量增长三成。', 'zh-CN'],
    ['Mountain railway opens to passengers', 'en'],
    ['Wang Li, the responsible editor (王丽), checked the figures against the county report.', 'en'],
  ] as const)('calls %j %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each([
    ['', 'nothing'],
    ['2025年', 'too few letters'],
    ['Tea 茶', 'too few letters'],
    ['茶园茶园茶园 tea garden', 'about half and half'],
    ['12,345 — 67.8%', 'no letters at all'],
  ])('says nothing of %j (%s)', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });

  it('counts Han characters and Latin letters only, and decides at the threshold', () => {
    expect(scriptLetters('A1 茶, b-c！')).toEqual({ han: 1, latin: 3 });
    const han = Math.ceil(10 * CLEAR_SHARE);
    expect(detectLanguage('茶'.repeat(han) + 'a'.repeat(10 - han))).toBe('zh-CN');
    expect(detectLanguage('茶'.repeat(han - 1) + 'a'.repeat(10 - han + 1))).toBeNull();
    expect(detectLanguage('a'.repeat(MIN_LETTERS - 1))).toBeNull();
    expect(detectLanguage('a'.repeat(MIN_LETTERS))).toBe('en');
  });

  it('reads the headline, deck, body and captions of the copy', () => {
    const body = { root: { type: 'root', version: 1, children: [paragraphNode('正文第一段。')] } } as never;
    const text = languageText({ headline: '标题', deck: '导语', body });
    expect(text).toContain('标题');
    expect(text).toContain('导语');
    expect(text).toContain('正文第一段。');
  });
});
