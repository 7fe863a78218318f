import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/shared/checks/engine';
import { findingPlace } from '../../../src/renderer/checks/finding-place';
import { en } from '../../../src/renderer/i18n/en';
import { zhCN } from '../../../src/renderer/i18n/zh-CN';
import { article, fig, h, p } from '../../shared/checks/helpers';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
});

describe('findingPlace', () => {
  it('names paragraphs and subheadings as a reader counts them, in both languages', () => {
    const content = article({ blocks: [h('茶园的的变化'), fig(), p(''), p('第一段。'), fig(), p('这是我们的的茶园。')] });
    const places = (language: string) => runChecks(content).filter((f) => f.rule === 'repeated-word').map((f) => findingPlace(i18n.getFixedT(language), f.location));
    expect(places('en')).toEqual(['Subheading 1', 'Paragraph 2']);
    expect(places('zh-CN')).toEqual(['第 1 个小标题', '第 2 段']);
  });

  it('names figure parts and fields as before', () => {
    const t = i18n.getFixedT('en');
    expect(findingPlace(t, { field: 'caption', figure: 1, start: 0, end: 0 })).toBe('Figure 2 caption');
    expect(findingPlace(t, { field: 'headline', start: 0, end: 0 })).toBe('Headline');
  });
});
