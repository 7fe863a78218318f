import { describe, expect, it } from 'vitest';
import { BodySchema, bodyOf, bodyProblem, emptyBody, figureNode, headingNode, paragraphNode, type BodyNode } from '../../../src/shared/article/body';

const FIGURE = { asset: 'ab'.repeat(32), mime: 'image/png', width: 640, height: 400, caption: '图说', credit: '摄', alt: '替代文字' } as const;
const body = (...children: BodyNode[]) => ({ root: { ...emptyBody().root, children } });

function nested(depth: number): { root: BodyNode } {
  let node: BodyNode = { type: 'text', text: 'deep' };
  for (let i = 1; i < depth; i++) node = { type: 'quote', children: [node] };
  return body(node);
}

describe('bodyProblem', () => {
  it('accepts the empty body and the usual blocks', () => {
    expect(bodyProblem(emptyBody())).toBeNull();
    expect(BodySchema.safeParse(emptyBody()).success).toBe(true);
    const list: BodyNode = { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: 'one' }] }] };
    const link: BodyNode = { type: 'paragraph', children: [{ type: 'link', url: 'https://example.com', children: [{ type: 'text', text: 'x' }] }] };
    expect(bodyProblem(body(headingNode('标题'), paragraphNode('正文'), figureNode(FIGURE), list, link, { type: 'quote', children: [] }))).toBeNull();
  });

  it.each([
    ['null', null, /not an object/],
    ['a string', 'body', /not an object/],
    ['a number', 3, /not an object/],
    ['no root', {}, /no root/],
    ['a root of the wrong type', { root: { type: 'paragraph', children: [] } }, /wrong type/],
    ['an unknown node type', body({ type: 'script', text: 'alert(1)' }), /unknown node type "script"/],
    ['a node without a type', body({ children: [] } as unknown as BodyNode), /unknown node type/],
    ['a null child', body(null as unknown as BodyNode), /non-object/],
    ['children that are not a list', body({ type: 'paragraph', children: 'x' } as unknown as BodyNode), /children is not a list/],
    ['text that is not a string', body({ type: 'paragraph', children: [{ type: 'text', text: 5 } as unknown as BodyNode] }), /text is not a string/],
    ['a figure without caption field', body({ ...figureNode(FIGURE), caption: undefined }), /malformed figure/],
    ['a figure with a bad asset id', body(figureNode({ ...FIGURE, asset: '../../etc/passwd' })), /malformed figure/],
    ['a figure of an SVG', body({ ...figureNode(FIGURE), mime: 'image/svg+xml' }), /malformed figure/],
    ['a figure of width 0', body(figureNode({ ...FIGURE, width: 0 })), /malformed figure/],
    ['a figure of another version', body({ ...figureNode(FIGURE), version: 2 }), /malformed figure/],
  ])('refuses %s', (_what, value, problem) => {
    expect(bodyProblem(value)).toMatch(problem);
    expect(BodySchema.safeParse(value).success).toBe(false);
  });

  it('accepts nesting up to its limit and refuses one level more', () => {
    expect(bodyProblem(nested(24))).toBeNull();
    expect(bodyProblem(nested(25))).toMatch(/nested too deeply/);
  });

  it('refuses attributes that a file cannot hold or that nest deeply, without overflowing the stack', () => {
    const withAttribute = (value: unknown) => bodyOf([{ ...paragraphNode('x'), format: value }]);
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    for (const value of [deep, [[[[['x']]]]], 10n, Number.NaN, Infinity, new Map(), new Date(0), () => 1]) {
      expect(bodyProblem(withAttribute(value)), String(value)).toMatch(/^body node attribute "format" is /);
    }
    for (const value of ['center', 0, null, true, undefined, ['m-1', 'm-2'], { a: { b: 1 } }]) expect(bodyProblem(withAttribute(value))).toBeNull();
  });

  it('does not overflow the stack on very deep bodies', () => {
    expect(bodyProblem(nested(100_000))).toMatch(/nested too deeply/);
  });
});

describe('body builders', () => {
  it('build nodes that pass the check', () => {
    expect(paragraphNode('')).toMatchObject({ type: 'paragraph', children: [] });
    expect(headingNode('x', 'h3')).toMatchObject({ type: 'heading', tag: 'h3', children: [{ type: 'text', text: 'x' }] });
    expect(figureNode(FIGURE)).toEqual({ type: 'figure', version: 1, ...FIGURE });
  });
});
