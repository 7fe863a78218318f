import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, refusalMessage, type Refusal } from '../../../src/shared/review/chain';
import { stageList } from '../../../src/shared/review/labels';

/** Params of every kind the rules produce; each message picks the ones it needs. */
const PARAMS: Record<string, string> = {
  name: 'Wang Li',
  holder: 'Wang Li',
  stage: 'second',
  attempted: 'third',
  action: 'withdraw',
  role: 'second',
  stages: 'first,second',
  from: 'first',
  to: 'second',
  max: '10000',
  min: '8',
  character: 'U+200B',
  existing: 'Wang Li',
  files: 'roster/u-wangli01.d-0000000001.jsonl',
  id: 'u-wangli01',
  field: 'name',
  count: '2',
  blocking: 'true',
  problem: 'hash-mismatch',
  rules: 'Image captions, Repeated words',
  rulesZh: '图片说明、重复字词',
};

/** Codes whose message must name the person concerned. */
const NAMED = ['inactive-person', 'not-your-stage', 'not-author', 'author-cannot-review', 'already-reviewed-other-stage', 'cannot-reopen', 'duplicate-name', 'last-admin'];

const message = (code: Refusal['code'], params: Record<string, string>, language: 'en' | 'zh-CN') => refusalMessage({ code, params }, language);

describe('refusalMessage', () => {
  it.each(REFUSAL_CODES)('puts %s into plain English and Chinese', (code) => {
    const en = message(code, PARAMS, 'en');
    const zh = message(code, PARAMS, 'zh-CN');
    for (const text of [en, zh]) {
      expect(text).not.toMatch(/undefined|\$\{|first,second/);
      expect(text).not.toBe(code);
    }
    expect(en).toMatch(/^[A-Z“0-9]/);
    expect(en).toMatch(/[.?]$/);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(zh).toMatch(/[。？]$/);
    if (NAMED.includes(code)) {
      expect(en).toContain('Wang Li');
      expect(zh).toContain('Wang Li');
    }
  });

  it('names the person and both reviews when one person would review twice', () => {
    const refusal: Refusal = { code: 'already-reviewed-other-stage', params: { name: 'Wang Li', stage: 'first', attempted: 'third' } };
    expect(refusalMessage(refusal, 'en')).toBe('Wang Li did the first review of this article; the same person may not also do its third review.');
    expect(refusalMessage({ ...refusal, params: { ...refusal.params, name: '王丽' } }, 'zh-CN')).toBe('王丽已做过本稿的一审，同一人不能再做本稿的三审。');
  });

  it('lists the reviews that must approve again', () => {
    expect(message('stale-approvals', { stages: 'first,second' }, 'en')).toContain('first review and second review');
    expect(message('stale-approvals', { stages: 'first,second' }, 'zh-CN')).toContain('一审、二审');
    expect(message('missing-approvals', { stages: 'first,second' }, 'en')).toMatch(/^The first review and second review have not/);
    expect(message('missing-approvals', { stages: 'second' }, 'en')).toMatch(/^The second review has not/);
  });

  it('says what the article is waiting for', () => {
    expect(message('wrong-stage', { action: 'withdraw', stage: 'second' }, 'en')).toBe('The article is waiting for the second review, so it cannot be withdrawn now.');
    expect(message('wrong-stage', { action: 'withdraw', stage: 'second' }, 'zh-CN')).toBe('稿件正在等待二审，现在不能撤回。');
    expect(message('not-your-stage', { name: '赵敏', stage: 'first', role: 'editor' }, 'zh-CN')).toBe('只有责任编辑可以处理一审，赵敏没有这个权限。');
  });

  it('distinguishes submit from withdraw and return from reopen', () => {
    expect(message('not-author', { name: 'Wang Li', action: 'submit' }, 'en')).toMatch(/submit/);
    expect(message('not-author', { name: 'Wang Li', action: 'withdraw' }, 'en')).toMatch(/withdraw/);
    expect(message('reason-required', { action: 'reopen' }, 'zh-CN')).toMatch(/撤销签发/);
    expect(message('reason-required', { action: 'return' }, 'zh-CN')).toMatch(/退回/);
  });

  it('falls back to the code for a code it does not know', () => {
    expect(refusalMessage({ code: 'from-the-future' as Refusal['code'], params: {} }, 'en')).toBe('from-the-future');
  });
});

describe('stageList', () => {
  it('joins stage names the way each language does', () => {
    expect(stageList('first', 'en')).toBe('first review');
    expect(stageList('first,second,third', 'en')).toBe('first review, second review and third review');
    expect(stageList('first,second,third', 'zh-CN')).toBe('一审、二审、三审');
  });
});
