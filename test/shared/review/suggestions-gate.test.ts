import { describe, expect, it } from 'vitest';
import { paragraphOf, textNode } from '../../../src/shared/article/body';
import { refusalMessage } from '../../../src/shared/review/refusal-messages';
import { checkDecide, checkSuggest, pendingSuggestions, suggestionsGate } from '../../../src/shared/review/suggestions-gate';
import { suggestionNode } from '../../../src/shared/suggestions/build';
import { content, PEOPLE } from '../suggestions/marked';
import { ADMIN, AUTHOR, Desk, EDITOR, SECOND, THIRD } from './desk';

const wang = PEOPLE[0]!;
const zhao = PEOPLE[1]!;
const twoPeople = content([
  paragraphOf([textNode('茶山'), suggestionNode({ ...wang, kind: 'insert', id: 's-ins0001' }, '新'), suggestionNode({ ...wang, kind: 'delete', id: 's-del0001' }, '旧')]),
  paragraphOf([suggestionNode({ ...zhao, kind: 'insert', id: 's-ins0002' }, '貌')]),
]);

describe('pending suggestions and the review chain', () => {
  it('counts what is pending, by person', () => {
    expect(pendingSuggestions(twoPeople)).toEqual({ count: 3, people: [{ name: '王丽', count: 2 }, { name: '赵敏', count: 1 }] });
    expect(pendingSuggestions(content([paragraphOf([textNode('茶山')])]))).toEqual({ count: 0, people: [] });
  });

  it('refuses the sign-off while any suggestion is pending, naming how many and whose, acknowledged or not', () => {
    const pending = pendingSuggestions(twoPeople);
    for (const acknowledged of [false, true]) {
      const gate = suggestionsGate('approve', { stage: 'third' }, pending, acknowledged);
      expect(gate).toEqual({ ok: false, reason: { code: 'suggestions-pending', params: { count: '3', names: '王丽 (2), 赵敏 (1)', namesZh: '王丽2处、赵敏1处' } } });
    }
    expect(refusalMessage({ code: 'suggestions-pending', params: { count: '3', names: '王丽 (2), 赵敏 (1)', namesZh: '王丽2处、赵敏1处' } }, 'zh-CN')).toBe(
      '还有3处修改建议未处理（王丽2处、赵敏1处）。每一处建议都接受或拒绝之后才能签发。',
    );
    expect(suggestionsGate('approve', { stage: 'third' }, pendingSuggestions(content([paragraphOf([textNode('茶山')])])))).toEqual({ ok: true });
  });

  it('asks to confirm an approval at the first or second review, and a submission, then lets it through saying how many', () => {
    const pending = pendingSuggestions(twoPeople);
    for (const [action, stage] of [['approve', 'first'], ['approve', 'second'], ['submit', 'draft']] as const) {
      expect(suggestionsGate(action, { stage }, pending)).toMatchObject({ ok: false, reason: { code: 'unconfirmed-suggestions', params: { count: '3', action } } });
      expect(suggestionsGate(action, { stage }, pending, true)).toEqual({ ok: true, overSuggestions: 3 });
    }
    for (const action of ['return', 'withdraw', 'reopen'] as const) expect(suggestionsGate(action, { stage: 'first' }, pending)).toEqual({ ok: true });
  });

  it('lets whoever may edit suggest, and reviewers of later stages read ahead and suggest', () => {
    const atFirst = new Desk().submit().state;
    expect(checkSuggest(atFirst, EDITOR, '')).toEqual({ ok: true });
    expect(checkSuggest(atFirst, SECOND, '')).toEqual({ ok: true });
    expect(checkSuggest(atFirst, THIRD, '')).toEqual({ ok: true });
    expect(checkSuggest(atFirst, AUTHOR, '')).toEqual({ ok: false, reason: { code: 'cannot-suggest', params: { name: 'Lin Xiaolan', stage: 'first' } } });
    expect(checkSuggest(atFirst, ADMIN, '').ok).toBe(false);
    const atThird = new Desk().submit().approve(EDITOR).approve(SECOND).state;
    expect(checkSuggest(atThird, EDITOR, '').ok).toBe(false);
    expect(checkSuggest(atThird, THIRD, '')).toEqual({ ok: true });
    expect(checkSuggest(new Desk().signOff().state, THIRD, '')).toMatchObject({ ok: false, reason: { code: 'read-only' } });
    expect(checkSuggest(new Desk().state, EDITOR, '')).toEqual({ ok: true });
    expect(checkSuggest(atFirst, { ...SECOND, active: false }, '')).toMatchObject({ ok: false, reason: { code: 'inactive-person' } });
  });

  it('lets only the holder of the copy accept or reject: the author of a draft, the reviewer at the current review', () => {
    const atFirst = new Desk().submit().state;
    expect(checkDecide(atFirst, EDITOR, '')).toEqual({ ok: true });
    expect(checkDecide(atFirst, AUTHOR, '').ok).toBe(false);
    expect(checkDecide(atFirst, SECOND, '').ok).toBe(false);
    const returned = new Desk().submit().must(EDITOR, { action: 'return', to: 'draft', reason: 'See the suggestions.' }).state;
    expect(checkDecide(returned, AUTHOR, '')).toEqual({ ok: true });
    expect(checkDecide(returned, EDITOR, '').ok).toBe(false);
  });
});
