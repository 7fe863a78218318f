import { describe, expect, it } from 'vitest';
import { convertDocument } from '../../../../src/main/services/import/convert-document';
import { MAX_MARKDOWN_NESTING, markdownNestingProblem } from '../../../../src/main/services/import/markdown-nesting';
import { dispatch } from '../../../../src/main/handlers';
import { tempApp } from '../../../helpers/handlers';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('markdown-nesting-');
const bytes = (text: string) => new TextEncoder().encode(text);

const DEEP: Array<[string, string]> = [
  ['quote markers', `${'>'.repeat(5000)} text`],
  ['spaced quote markers', `${'> '.repeat(5000)}text`],
  ['bullet markers', `${'- '.repeat(5000)}text`],
  ['numbered markers', `${'1. '.repeat(5000)}text`],
  ['quotes and lists', `${'> - '.repeat(2500)}text`],
  ['indented list items', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n')],
  ['emphasis marks', `${'*'.repeat(5000)}x${'*'.repeat(5000)}`],
];

describe('importing Markdown nested thousands of levels deep', () => {
  it.each(DEEP)('refuses %s as too deeply nested, before parsing', async (_name, text) => {
    await expect(convertDocument('deep.md', bytes(text))).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('too deeply nested') });
  });

  it('answers the page with that refusal, never an internal error', async () => {
    const app = await tempApp(await tempDir());
    const result = await dispatch(app.handlers, 'convertDocument', { name: 'deep.md', dataBase64: Buffer.from(`${'> '.repeat(4000)}x`).toString('base64') }, app.caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('too deeply nested') } });
  });

  it('reads ordinary nesting, code, separators and long lines as before', async () => {
    const nested = ['> quoted', '> > twice', '', '- one', '  - two', '    - three', '      1. four', '', '***', '', '    indented code', '', `${'a'.repeat(100_000)}`].join('\n');
    expect(markdownNestingProblem(nested)).toBeNull();
    const converted = await convertDocument('ok.md', bytes(nested));
    expect(converted.html).toContain('<blockquote>');
    expect(converted.html).toContain('<li>four</li>');
  });

  it('draws the line at the bound', () => {
    expect(markdownNestingProblem(`${'> '.repeat(MAX_MARKDOWN_NESTING)}x`)).toBeNull();
    expect(markdownNestingProblem(`${'> '.repeat(MAX_MARKDOWN_NESTING + 1)}x`)).toMatch(/too deeply nested: 65 levels/);
  });
});
