// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../src/renderer/editor/sanitize-html';

const clean = (html: string) => sanitizeHtml(html).body;

/** Every attribute name in the result, to look for event handlers anywhere. */
function attributeNames(root: Element): string[] {
  return [root, ...Array.from(root.querySelectorAll('*'))].flatMap((el) => Array.from(el.attributes).map((a) => a.name.toLowerCase()));
}

/** True when nothing in `body` can run: no active elements, handlers or script links. */
function expectInert(body: HTMLElement): void {
  expect(body.querySelector('script, img, iframe, svg, style, form, input, button, object, embed, template, math')).toBeNull();
  expect(attributeNames(body).filter((name) => name.startsWith('on'))).toEqual([]);
  for (const a of Array.from(body.querySelectorAll('a'))) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data):/i);
  expect(body.innerHTML).not.toMatch(/javascript:|onerror|onload|onclick/i);
}

describe('sanitizeHtml: nothing that can run survives', () => {
  const attacks: Array<[string, string]> = [
    ['a script', '<p>a</p><p>b</p><script>window.pwned = 1</script>'],
    ['an image with onerror', '<p>x<img src=x onerror="window.pwned = 1"></p>'],
    ['a javascript: link', '<p><a href="javascript:window.pwned=1">click</a></p>'],
    ['a javascript: link with spaces and case', '<p><a href="  JaVaScRiPt:alert(1)">click</a></p>'],
    ['a data: link', '<p><a href="data:text/html,<script>alert(1)</script>">click</a></p>'],
    ['an iframe', '<p>before</p><iframe src="https://evil.example" srcdoc="<script>alert(1)</script>"></iframe>'],
    ['an svg with onload', '<p>before</p><svg onload="alert(1)"><circle r="3"/></svg>'],
    ['inline handlers', '<p onclick="alert(1)" onmouseover="alert(2)">text</p><div onfocus="x()" tabindex=0>d</div><h2 onload="y()">h</h2>'],
    ['a style element', '<p>text</p><style>body{background:url(javascript:alert(1))}</style>'],
    ['a form', '<form action="https://evil.example"></form>'],
    ['an input', '<input name=a onfocus=alert(1) autofocus>'],
    ['an embed', '<embed src="x.swf">'],
    ['a template', '<template><img src=x onerror=alert(1)></template><p>t</p>'],
    ['a math element', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ];

  it.each(attacks)('removes %s', (_what, html) => {
    expectInert(clean(html));
  });

  it('keeps the text of removed wrappers but not of scripts', () => {
    expect(clean('<p>before<font color=red>after</font></p>').innerHTML).toBe('<p>beforeafter</p>');
    expect(clean('<p>before</p><script>secret()</script>').textContent).toBe('before');
  });

  it.each([
    ['an image inside a removed wrapper', '<font><img src=x onerror=alert(1)></font>'],
    ['an input inside a form', '<form><input name=a onfocus=alert(1)></form>'],
    ['an embed after an object', '<object data=x></object><embed src=x>'],
  ])('removes %s nested in or after removed elements', (_what, html) => {
    expectInert(clean(html));
  });
});

describe('sanitizeHtml: structure survives', () => {
  it('keeps headings, paragraphs, lists, quotes, links and emphasis', () => {
    const body = clean(
      '<h2>标题</h2><p>一段<b>粗体</b>和<i>斜体</i>、<strong>强调</strong><em>着重</em></p>' +
        '<ul><li>一</li><li>二</li></ul><ol><li>first</li></ol>' +
        '<blockquote>引语</blockquote><p><a href="https://example.com/a?b=1" title="t">link</a> <a href="mailto:desk@example.com">mail</a></p>',
    );
    expect(body.querySelector('h2')?.textContent).toBe('标题');
    expect(body.querySelector('b')?.textContent).toBe('粗体');
    expect(body.querySelector('i')?.textContent).toBe('斜体');
    expect(body.querySelector('strong')?.textContent).toBe('强调');
    expect(body.querySelector('em')?.textContent).toBe('着重');
    expect(Array.from(body.querySelectorAll('ul > li')).map((li) => li.textContent)).toEqual(['一', '二']);
    expect(Array.from(body.querySelectorAll('ol > li')).map((li) => li.textContent)).toEqual(['first']);
    expect(body.querySelector('blockquote')?.textContent).toBe('引语');
    const links = Array.from(body.querySelectorAll('a')).map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['https://example.com/a?b=1', 'link'],
      ['mailto:desk@example.com', 'mail'],
    ]);
  });

  it('keeps the text of a link that may not be followed, without the link', () => {
    expect(clean('<p>see <a href="javascript:alert(1)">this</a> and <a href="file:///etc/passwd">that</a></p>').innerHTML).toBe('<p>see this and that</p>');
  });

  it('drops class attributes after using them', () => {
    expect(attributeNames(clean('<p class="MsoNormal">x</p><h2 class="x">y</h2>'))).toEqual([]);
  });
});

describe('sanitizeHtml: Word fragments', () => {
  const bullet = (text: string) =>
    `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span>${text}</p>`;
  const numbered = (n: number, text: string) =>
    `<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>${n}.<span>&nbsp;</span></span>${text}</p>`;

  it('turns bulleted list paragraphs into one ul', () => {
    const body = clean(`<p class=MsoNormal>Intro</p>${bullet('One')}${bullet('Two')}<p class=MsoNormal>Outro</p>`);
    expect(body.querySelectorAll('ul')).toHaveLength(1);
    expect(Array.from(body.querySelectorAll('ul > li')).map((li) => li.textContent?.trim())).toEqual(['One', 'Two']);
    expect(Array.from(body.children).map((el) => el.tagName)).toEqual(['P', 'UL', 'P']);
    expect(body.textContent).not.toContain('·');
  });

  it('turns numbered list paragraphs into an ol', () => {
    const body = clean(`${numbered(1, 'First')}${numbered(2, 'Second')}`);
    expect(body.querySelector('ul')).toBeNull();
    expect(Array.from(body.querySelectorAll('ol > li')).map((li) => li.textContent?.trim())).toEqual(['First', 'Second']);
  });

  it('starts a new list when the kind changes', () => {
    const body = clean(`${bullet('a')}${numbered(1, 'b')}`);
    expect(Array.from(body.children).map((el) => el.tagName)).toEqual(['UL', 'OL']);
  });

  it('turns a Word title into an h2', () => {
    const body = clean('<p class=MsoTitle>千年茶山</p><p class=MsoNormal>正文</p>');
    expect(body.querySelector('h2')?.textContent).toBe('千年茶山');
    expect(body.querySelectorAll('p')).toHaveLength(1);
  });
});
