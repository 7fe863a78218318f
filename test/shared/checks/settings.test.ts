import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/shared/checks/engine';
import { FindingSchema, IgnoreSchema, type Ignore } from '../../../src/shared/checks/finding';
import { blockingFindings } from '../../../src/shared/checks/gate';
import { applyIgnores, unusedIgnores } from '../../../src/shared/checks/ignores';
import { RULE_IMPLEMENTATIONS } from '../../../src/shared/checks/registry';
import { RULE_IDS, RULES } from '../../../src/shared/checks/rules';
import { CheckSettingsSchema, DEFAULT_CHECK_SETTINGS } from '../../../src/shared/checks/settings';
import { article, fig, p, settingsWith } from './helpers';

describe('RULES', () => {
  it('lists every rule once, with an implementation and words in both languages', () => {
    expect(RULES.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    for (const rule of RULES) {
      expect(RULE_IMPLEMENTATIONS[rule.id].id).toBe(rule.id);
      for (const text of [rule.name.en, rule.name['zh-CN'], rule.description.en, rule.description['zh-CN']]) expect(text.length).toBeGreaterThan(1);
    }
  });
});

describe('CheckSettingsSchema', () => {
  it('parses {} to the defaults: each rule at its default level, blocking all three stages', () => {
    expect(DEFAULT_CHECK_SETTINGS.rules.headline).toEqual({ level: 'required', blocksStages: ['first', 'second', 'third'] });
    expect(DEFAULT_CHECK_SETTINGS.rules['vague-time']).toEqual({ level: 'recommended', blocksStages: ['first', 'second', 'third'] });
    expect(DEFAULT_CHECK_SETTINGS.paragraphMaxChars).toBe(500);
    expect(DEFAULT_CHECK_SETTINGS.headlineLength).toEqual({ 'zh-CN': { min: 5, max: 60 }, en: { min: 10, max: 120 } });
    for (const rule of RULES) expect(DEFAULT_CHECK_SETTINGS.rules[rule.id].level).toBe(rule.defaultLevel);
  });

  it('keeps given rules, fills the rest, and drops rule ids it does not know', () => {
    const settings = CheckSettingsSchema.parse({ rules: { 'vague-time': { level: 'off' }, headline: { level: 'required', blocksStages: ['third'] }, 'from-the-future': { level: 'required' } } });
    expect(settings.rules['vague-time']).toEqual({ level: 'off', blocksStages: ['first', 'second', 'third'] });
    expect(settings.rules.headline.blocksStages).toEqual(['third']);
    expect(settings.rules.byline.level).toBe('required');
    expect(Object.keys(settings.rules)).toEqual([...RULE_IDS]);
  });

  it('refuses bad levels, stages and ranges', () => {
    expect(CheckSettingsSchema.safeParse({ rules: { headline: { level: 'maybe' } } }).success).toBe(false);
    expect(CheckSettingsSchema.safeParse({ rules: { headline: { level: 'required', blocksStages: ['fourth'] } } }).success).toBe(false);
    expect(CheckSettingsSchema.safeParse({ headlineLength: { en: { min: 50, max: 10 } } }).success).toBe(false);
  });
});

describe('levels', () => {
  const content = article({ headline: '', blocks: [p('近日，县里召开会议。')] });

  it('give findings their severity, and Off turns a rule off', () => {
    const found = runChecks(content);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['headline', 'required'],
      ['vague-time', 'recommended'],
    ]);
    const changed = settingsWith({ rules: { headline: { level: 'off' }, 'vague-time': { level: 'required' } } });
    expect(runChecks(content, changed).map((f) => [f.rule, f.severity])).toEqual([['vague-time', 'required']]);
  });
});

describe('blockingFindings', () => {
  const content = article({ headline: '', byline: '', blocks: [p('近日，县里召开会议。'), fig({ caption: '' })] });

  it('holds an article for Required findings of rules bound to the stage', () => {
    const settings = settingsWith({ rules: { byline: { level: 'required', blocksStages: ['third'] } } });
    const found = runChecks(content, settings);
    expect(blockingFindings(found, settings, 'first').map((f) => f.rule)).toEqual(['headline', 'figure-caption']);
    expect(blockingFindings(found, settings, 'third').map((f) => f.rule)).toEqual(['headline', 'byline', 'figure-caption']);
  });

  it('uses the settings of now: a rule since relaxed no longer blocks', () => {
    const found = runChecks(content);
    const relaxed = settingsWith({ rules: { headline: { level: 'recommended' }, byline: { level: 'off' } } });
    expect(blockingFindings(found, relaxed, 'second').map((f) => f.rule)).toEqual(['figure-caption']);
  });

  it('lets ignored findings through', () => {
    const found = runChecks(content);
    const ignore: Ignore = { findingId: found[0]!.id, reason: '标题稍后由编辑部统一拟定', by: 'u-editor01', byName: '陈编辑', at: '2024-06-01T08:00:00.000Z' };
    const marked = applyIgnores(found, [ignore]);
    expect(blockingFindings(marked, DEFAULT_CHECK_SETTINGS, 'first').map((f) => f.rule)).toEqual(['byline', 'figure-caption']);
  });
});

describe('ignores', () => {
  const found = runChecks(article({ blocks: [p('近日，县里召开会议。最近又开了一次。')] }));
  const ignore = (findingId: string, at: string, reason = '原稿如此'): Ignore => IgnoreSchema.parse({ findingId, reason, by: 'u-second01', byName: '二审 王', at });

  it('keeps the findings and marks the ignored ones with who, when and why', () => {
    const marked = applyIgnores(found, [ignore(found[1]!.id, '2024-06-01T08:00:00.000Z')]);
    expect(marked).toHaveLength(found.length);
    expect(marked[0]!.ignored).toBeUndefined();
    expect(marked[1]!.ignored).toEqual({ reason: '原稿如此', by: 'u-second01', byName: '二审 王', at: '2024-06-01T08:00:00.000Z' });
    expect(found[1]!.ignored).toBeUndefined();
    expect(FindingSchema.parse(marked[1])).toEqual(marked[1]);
  });

  it('shows the latest ignore of a finding, and tells which ignores match nothing any more', () => {
    const older = ignore(found[0]!.id, '2024-06-01T08:00:00Z', '旧理由');
    const newer = ignore(found[0]!.id, '2024-06-01T08:00:00.500Z', '新理由');
    expect(applyIgnores(found, [newer, older])[0]!.ignored!.reason).toBe('新理由');
    const stale = ignore('vague-time:body.9:0-2:xyz', '2024-06-01T08:00:00Z');
    expect(unusedIgnores(found, [older, stale])).toEqual([stale]);
  });

  it('refuses an ignore without a reason or a person', () => {
    expect(IgnoreSchema.safeParse({ findingId: 'x', reason: '  ', by: 'u-second01', byName: 'W', at: '2024-06-01T08:00:00Z' }).success).toBe(false);
    expect(IgnoreSchema.safeParse({ findingId: 'x', reason: 'ok', by: 'nobody', byName: 'W', at: '2024-06-01T08:00:00Z' }).success).toBe(false);
  });
});

describe('finding ids', () => {
  it('are rule, place, offsets and a fingerprint of the text; stable across checks and edits elsewhere', () => {
    const before = runChecks(article({ blocks: [p('第一段。'), p('近日，县里召开会议。')] }));
    const after = runChecks(article({ headline: '雾溪县推动茶产业数字化转型见闻', blocks: [p('第一段改过了。'), p('近日，县里召开会议。')] }));
    expect(before[0]!.id).toMatch(/^vague-time:body\.1:0-2:[0-9a-z]+$/);
    expect(after[0]!.id).toBe(before[0]!.id);
    const replaced = runChecks(article({ blocks: [p('第一段。'), p('最近，县里召开会议。')] }));
    expect(replaced[0]!.id).not.toBe(before[0]!.id);
    expect(new Set(runChecks(article({ blocks: [p('近日近日近日')] })).map((f) => f.id)).size).toBe(3);
  });
});
