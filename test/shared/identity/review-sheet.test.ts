import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, paragraphNode } from '../../../src/shared/article/body';
import { contentHash } from '../../../src/shared/article/canonical';
import { reviewSheetHtml } from '../../../src/shared/identity/review-sheet';
import { Newsroom } from '../../helpers/identity';

const HOSTILE = '<script>alert(1)</script> & "quotes"';
const content: ArticleContent = {
  channel: ['首页', '贵山'],
  headline: `茶园扩种 ${HOSTILE}`,
  deck: '',
  byline: '',
  language: 'zh-CN',
  body: bodyOf([paragraphNode('今年全县茶园面积达二十八万亩。Tea output rose this year.')]),
};

async function signedOff() {
  const room = await Newsroom.start();
  const people = room.staff();
  const hash = contentHash(content);
  room.create(people.author);
  room.act(people.author, { action: 'submit' }, { contentHash: hash });
  room.act(people.editor, { action: 'approve', opinion: `同意。${HOSTILE}` }, { contentHash: hash });
  room.approve(people.second, { contentHash: hash });
  room.approve(people.third, { contentHash: hash });
  return { room, people, hash, verdict: room.verify({ currentHash: hash }) };
}

function textOf(html: string): { text: string; scripts: number } {
  const window = new Window();
  window.document.write(html);
  return { text: window.document.body.textContent ?? '', scripts: window.document.querySelectorAll('script').length };
}

describe('the review sheet (审稿单)', () => {
  it('lists each review with its reviewer, opinion, time and key fingerprint, the content hash and the chain head, all escaped', async () => {
    const { verdict, people, room, hash } = await signedOff();
    const sheet = reviewSheetHtml({ verdict, content, language: 'zh-CN' });
    if (!sheet.ok) throw new Error(sheet.reason);
    const { text, scripts } = textOf(sheet.html);
    expect(scripts).toBe(0);
    expect(sheet.html).not.toContain('<script>');
    expect(text).toContain('审稿单');
    expect(text).toContain(`茶园扩种 ${HOSTILE}`);
    expect(text).toContain(`同意。${HOSTILE}`);
    const roster = room.roster();
    for (const person of [people.author, people.editor, people.second, people.third]) {
      expect(text).toContain(person.name);
      expect(text).toContain(roster.people.find((p) => p.id === person.id)!.keys[0]!.fingerprint);
    }
    expect(text).toContain('一审（责任编辑）');
    expect(text).toContain('三审（签发）');
    expect(text).toContain(hash);
    expect(text).toContain(verdict.chainHead!);
    // headline and body: 4 + 14 Han characters; script, alert, script, quotes and five English words
    expect(text).toContain('18 汉字 · 9 英文词 · 0 图片');
  });

  it('speaks English too', async () => {
    const { verdict } = await signedOff();
    const sheet = reviewSheetHtml({ verdict, content, language: 'en' });
    if (!sheet.ok) throw new Error(sheet.reason);
    expect(textOf(sheet.html).text).toContain('Third review (sign-off)');
    expect(sheet.html).toContain('<html lang="en">');
  });

  it('is refused for an article that is not signed off, or whose copy has changed since', async () => {
    const { room, hash, verdict } = await signedOff();
    expect(reviewSheetHtml({ verdict, content: { ...content, headline: 'Changed' }, language: 'en' })).toEqual({ ok: false, reason: 'copy-changed' });
    room.act(room.members.get('u-chenjie01')!, { action: 'reopen', reason: 'Correction.' }, { contentHash: hash });
    expect(reviewSheetHtml({ verdict: room.verify({ currentHash: hash }), content, language: 'en' })).toEqual({ ok: false, reason: 'not-signed-off' });
  });
});
