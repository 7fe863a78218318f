import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName, EXPORT_FORMATS, MAX_FILE_NAME_BYTES, MAX_FILE_NAME_CHARS, type FileNameFormat } from '../../../src/shared/export/formats';
import { exportGate } from '../../../src/shared/export/gate';
import { cleanText, escapeHtml } from '../../../src/shared/export/text-safety';
import { Desk, EDITOR, H2, SECOND, THIRD } from '../review/desk';

describe('exportGate', () => {
  it('is final only for copy signed off as it stands', () => {
    expect(exportGate(new Desk().signOff().state)).toEqual({ final: true, code: 'signed-off', reason: 'signed off at the third review for the copy as it stands' });
  });

  it('is a draft before sign-off, saying where the article is', () => {
    expect(exportGate(new Desk().state)).toMatchObject({ final: false, code: 'not-signed-off', reason: 'it is not signed off yet (now at draft)' });
    expect(exportGate(new Desk().submit().approve(EDITOR).approve(SECOND).state)).toMatchObject({ final: false, reason: 'it is not signed off yet (now at third review)' });
  });

  it('is a draft when the copy was edited after sign-off: the approvals are stale', () => {
    const gate = exportGate(new Desk().signOff().edit(H2).state);
    expect(gate).toMatchObject({ final: false, code: 'edited-after-sign-off' });
    expect(gate.reason).toBe('the copy was edited after sign-off, so the first review, second review and third review approvals no longer cover it');
  });

  it('is a draft when the review log cannot be trusted, whatever state it leads to', () => {
    const state = new Desk().submit().approve(EDITOR).approve(SECOND).approve(THIRD).state;
    expect(exportGate(state, 'reviews.jsonl record 2: the record was changed after it was sealed')).toMatchObject({ final: false, code: 'chain-damaged' });
  });
});

describe('exportFileName', () => {
  const article = (headline: string) => ({ headline, id: '20250501-abcdef0123' });

  it('keeps Chinese, gives the extension, and marks drafts', () => {
    expect(exportFileName(article('千年茶山“种”出数字新动能'), 'html', false)).toBe('千年茶山“种”出数字新动能.html');
    expect(exportFileName(article('千年茶山'), 'docx', true)).toBe('千年茶山-DRAFT.docx');
    expect(exportFileName(article('Tea hills'), 'ninjs', false)).toBe('Tea hills.json');
    expect(exportFileName(article('Tea hills'), 'html-folder', true)).toBe('Tea hills-DRAFT');
    expect(exportFileName(article('Tea hills'), 'pdf', false)).toBe('Tea hills.pdf');
  });

  it('strips path separators, reserved characters, controls and invisible format characters', () => {
    expect(exportFileName(article('../../etc/passwd'), 'txt', false)).toBe('etc passwd.txt');
    expect(exportFileName(article('a\\b:c*d?e"f<g>h|i'), 'md', false)).toBe('a b c d e f g h i.md');
    expect(exportFileName(article('line\nbreak\ttab\u0000nul'), 'md', false)).toBe('line break tabnul.md');
    // A right-to-left override would show "…gpj.exe" as "…exe.jpg".
    expect(exportFileName(article('photo\u202Egpj.exe'), 'md', false)).toBe('photogpj.exe.md');
    expect(exportFileName(article('  ..hidden..  '), 'md', false)).toBe('hidden.md');
  });

  it('falls back to the id for an empty headline, and avoids Windows device names', () => {
    expect(exportFileName(article('   '), 'txt', false)).toBe('article-20250501-abcdef0123.txt');
    expect(exportFileName(article('///'), 'txt', false)).toBe('article-20250501-abcdef0123.txt');
    expect(exportFileName(article('CON'), 'txt', false)).toBe('_CON.txt');
    expect(exportFileName(article('lpt1.notes'), 'txt', false)).toBe('_lpt1.notes.txt');
  });

  it('is never longer than 100 characters or 200 bytes, never cuts a character in half, and never has a separator', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constantFrom<FileNameFormat>(...EXPORT_FORMATS, 'pdf'), fc.boolean(), (headline, format, draft) => {
        const name = exportFileName(article(headline), format, draft);
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
        expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        // eslint-disable-next-line no-control-regex -- looking for control characters is the test
        expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001F]/);
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(name.length).toBeGreaterThan(0);
        if (draft) expect(name).toContain('-DRAFT');
      }),
    );
    expect(exportFileName(article('长'.repeat(300)), 'docx', true)).toBe(`${'长'.repeat(63)}-DRAFT.docx`);
    expect(exportFileName(article('a'.repeat(300)), 'md', false)).toBe(`${'a'.repeat(97)}.md`);
  });
});

describe('text safety', () => {
  it('escapes markup characters and drops what no format can carry', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(cleanText('a\r\nb\rc\u0000d\u001Be\u0085f\tg\uD800h')).toBe('a\nb\ncdef\tg\uFFFDh');
  });
});
