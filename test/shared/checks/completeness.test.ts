import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/shared/checks/engine';
import { isPlaceholder } from '../../../src/shared/checks/rules/figure-placeholder';
import { article, englishArticle, fig, findingsOf, p, settingsWith, textsOf } from './helpers';

describe('clean articles', () => {
  it('report nothing, in Chinese and in English', () => {
    expect(runChecks(article())).toEqual([]);
    expect(runChecks(englishArticle())).toEqual([]);
  });
});

describe('headline', () => {
  it('is required', () => {
    const [finding] = findingsOf('headline', article({ headline: '' }));
    expect(finding).toMatchObject({ severity: 'required', location: { field: 'headline', start: 0, end: 0 }, text: '' });
    expect(finding!.message.en).toMatch(/missing/);
    expect(findingsOf('headline', englishArticle({ headline: '   ' }))[0]!.location).toEqual({ field: 'headline', start: 0, end: 3 });
  });

  it('is 5 to 60 characters in Chinese by default', () => {
    expect(textsOf('headline', article({ headline: '茶产业' }))).toEqual(['茶产业']);
    expect(textsOf('headline', article({ headline: '茶产业转型' }))).toEqual([]);
    expect(textsOf('headline', article({ headline: '茶'.repeat(60) }))).toEqual([]);
    const [long] = findingsOf('headline', article({ headline: ` ${'茶'.repeat(61)} ` }));
    expect(long).toMatchObject({ text: '茶'.repeat(61), location: { start: 1, end: 62 } });
    expect(long!.message['zh-CN']).toContain('61个字');
  });

  it('is 10 to 120 characters in English by default', () => {
    expect(textsOf('headline', englishArticle({ headline: 'Tea boom' }))).toEqual(['Tea boom']);
    expect(textsOf('headline', englishArticle({ headline: 'Tea booms!' }))).toEqual([]);
    expect(textsOf('headline', englishArticle({ headline: 'x'.repeat(121) }))).toHaveLength(1);
    expect(findingsOf('headline', englishArticle({ headline: 'Tea boom' }))[0]!.message.en).toBe('The headline “Tea boom” is too short: 8 characters, at least 10 expected.');
  });

  it('follows the workspace range for the article language', () => {
    const settings = settingsWith({ headlineLength: { 'zh-CN': { min: 2, max: 8 } } });
    expect(textsOf('headline', article({ headline: '茶产业' }), settings)).toEqual([]);
    expect(textsOf('headline', article({ headline: '雾溪县推动茶产业数字化转型' }), settings)).toHaveLength(1);
    expect(settings.headlineLength.en).toEqual({ min: 10, max: 120 });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(textsOf('headline', article({ headline: '𠀀𠀀𠀀𠀀𠀀' }))).toEqual([]);
  });
});

describe('channel and byline', () => {
  it('must be set', () => {
    expect(findingsOf('channel', article({ channel: [] }))).toMatchObject([{ location: { field: 'channel', start: 0, end: 0 }, severity: 'required' }]);
    expect(findingsOf('channel', englishArticle({ channel: [] }))[0]!.message.en).toMatch(/No channel/);
    expect(findingsOf('byline', article({ byline: '' }))).toMatchObject([{ location: { field: 'byline', start: 0, end: 0 } }]);
    expect(findingsOf('byline', englishArticle({ byline: '  ' }))).toHaveLength(1);
    expect(findingsOf('byline', englishArticle({ byline: 'By Zhou Mingyuan' }))).toEqual([]);
  });
});

describe('figures', () => {
  it('need a caption and alt text, each named by its figure number', () => {
    const content = article({ blocks: [p('正文。'), fig(), fig({ caption: '' }), p('正文。'), fig({ alt: ' ', caption: '  ' })] });
    const captions = findingsOf('figure-caption', content);
    expect(captions.map((f) => f.location)).toEqual([
      { field: 'caption', figure: 1, start: 0, end: 0 },
      { field: 'caption', figure: 2, start: 0, end: 2 },
    ]);
    expect(captions[0]!.message).toEqual({ en: 'Image 2 has no caption.', 'zh-CN': '图2缺少图片说明。' });
    expect(findingsOf('figure-alt', content).map((f) => f.location)).toEqual([{ field: 'alt', figure: 2, start: 0, end: 1 }]);
  });

  it('English captions are fine too', () => {
    expect(findingsOf('figure-caption', englishArticle({ blocks: [fig({ caption: 'Farmers pick tea in Gaofeng village.', alt: 'Tea pickers' })] }))).toEqual([]);
  });

  it('may not have a file name or placeholder as caption or alt', () => {
    const names = ['image.png', '10.jpg', 'IMG_1234.JPG', 'DSC0001.jpeg', 'DSC_0001', 'PXL_20240101_123456', '微信图片_20240601', '图片', '图片说明：', 'caption', 'Caption', 'placeholder', '在此输入', '在此输入图片说明', '请输入图片说明', 'TODO', 'xxx', '图1', 'Figure 3', '…', '123'];
    for (const name of names) expect(isPlaceholder(name), name).toBe(true);
    const real = ['茶农在高峰村的茶园里采茶。', 'Farmers pick tea in Gaofeng village.', '图为雾溪县茶园。', 'A photo of the image.png file on screen', 'Figure skating at the games', '图片来源：新华社'];
    for (const text of real) expect(isPlaceholder(text), text).toBe(false);

    const content = article({ blocks: [fig({ caption: ' IMG_1234.JPG ', alt: '图片' }), fig({ caption: '茶园。', alt: 'image.png' })] });
    const found = findingsOf('figure-placeholder', content);
    expect(found.map((f) => [f.location, f.text])).toEqual([
      [{ field: 'caption', figure: 0, start: 1, end: 13 }, 'IMG_1234.JPG'],
      [{ field: 'alt', figure: 0, start: 0, end: 2 }, '图片'],
      [{ field: 'alt', figure: 1, start: 0, end: 9 }, 'image.png'],
    ]);
    expect(found[0]!.message.en).toBe('The caption of image 1, “IMG_1234.JPG”, looks like a file name or placeholder, not a caption.');
    expect(found[1]!.message['zh-CN']).toBe('图1的替代文字“图片”像是文件名或占位文字，不是真正的描述。');
  });

  it('count figures in document order, whatever lies between them', () => {
    const content = article({ blocks: [fig({ caption: '' }), p('正文。'), fig(), p('正文。'), fig({ caption: '' })] });
    expect(findingsOf('figure-caption', content).map((f) => f.location.figure)).toEqual([0, 2]);
  });
});
