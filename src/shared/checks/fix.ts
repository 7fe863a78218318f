/**
 * Applies a finding's fix to the article: the text in [start, end) of the finding's field,
 * body block or figure part becomes the fix's replacement. Only the characters that actually
 * change are touched (the common beginning and end of old and new text are kept), so in the
 * body the edit lands in one text node and formatting and annotation marks elsewhere stay as
 * they were. A fix whose change would span several differently formatted text nodes, a line
 * break or a list item boundary is refused, as is one whose text has changed since the check.
 */
import { CHANNEL_SEPARATOR, type ArticleContent } from '../article/article';
import type { BodyNode } from '../article/body';
import type { Finding } from './finding';
import { blockPieces, figurePaths, type TextPiece } from './segments';

export type FixFailure = 'no-fix' | 'stale' | 'not-found' | 'spans-formatting' | 'empty-channel';

export type FixResult = { ok: true; content: ArticleContent } | { ok: false; content: ArticleContent; reason: FixFailure };

interface Edit {
  start: number;
  end: number;
  insert: string;
}

/** The smallest edit that turns `before` (at `offset`) into `after`. */
function minimalEdit(offset: number, before: string, after: string): Edit {
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start: offset + head, end: offset + before.length - tail, insert: after.slice(head, after.length - tail) };
}

function splice(text: string, edit: Edit, offset = 0): string {
  return text.slice(0, edit.start - offset) + edit.insert + text.slice(edit.end - offset);
}

function updateAt(node: BodyNode, path: readonly number[], depth: number, change: (node: BodyNode) => BodyNode): BodyNode {
  if (depth === path.length) return change(node);
  const children = node.children!.slice();
  children[path[depth]!] = updateAt(children[path[depth]!]!, path, depth + 1, change);
  return { ...node, children };
}

function withRootChild(content: ArticleContent, index: number, change: (node: BodyNode) => BodyNode): ArticleContent {
  const root = updateAt(content.body.root, [index], 0, change);
  return { ...content, body: { ...content.body, root } };
}

/** Applies `edit` inside a block, or says why it cannot. */
function editBlock(block: BodyNode, edit: Edit): BodyNode | FixFailure {
  const { pieces } = blockPieces(block);
  let targets: TextPiece[];
  if (edit.start === edit.end) {
    // An insertion goes into the text before it, or at the very start into the text after it.
    const at = pieces.find((p) => p.path && p.start < edit.start && edit.start <= p.end) ?? pieces.find((p) => p.path && p.start === edit.start);
    if (!at) return 'spans-formatting';
    targets = [at];
  } else {
    targets = pieces.filter((p) => p.end > edit.start && p.start < edit.end);
    if (targets.length === 0 || targets.some((p) => p.path === null)) return 'spans-formatting';
    if (targets.length > 1 && edit.insert !== '') return 'spans-formatting';
  }
  let out = block;
  // Right to left, so earlier paths stay valid when an emptied node is removed.
  for (let t = targets.length - 1; t >= 0; t--) {
    const piece = targets[t]!;
    const from = Math.max(edit.start, piece.start);
    const to = Math.min(edit.end, piece.end);
    const path = piece.path!;
    let emptied = false;
    out = updateAt(out, path, 0, (node) => {
      const text = typeof node.text === 'string' ? node.text : '';
      const next = text.slice(0, from - piece.start) + (t === 0 ? edit.insert : '') + text.slice(to - piece.start);
      emptied = next === '';
      return { ...node, text: next };
    });
    if (emptied && targets.length > 1) {
      // Drop a text node the deletion emptied, unless it is all its parent holds (a mark keeps its anchor).
      const parentPath = path.slice(0, -1);
      out = updateAt(out, parentPath, 0, (parent) => {
        const children = parent.children ?? [];
        return children.length > 1 ? { ...parent, children: children.filter((_, i) => i !== path[path.length - 1]) } : parent;
      });
    }
  }
  return out;
}

function currentText(content: ArticleContent, finding: Finding): string | null {
  const { field, block, figure } = finding.location;
  switch (field) {
    case 'headline':
    case 'deck':
    case 'byline':
      return content[field];
    case 'channel':
      return content.channel.join(CHANNEL_SEPARATOR);
    case 'body': {
      const node = block === undefined ? undefined : content.body.root.children?.[block];
      return node && node.type !== 'figure' ? blockPieces(node).text : null;
    }
    default: {
      const path = figure === undefined ? undefined : figurePaths(content)[figure];
      if (!path) return null;
      let node: BodyNode | undefined = content.body.root;
      for (const i of path) node = node?.children?.[i];
      const value = node?.[field];
      return typeof value === 'string' ? value : null;
    }
  }
}

/** Applies the finding's fix; `content` is never changed (the result is a new object). */
export function applyFix(content: ArticleContent, finding: Finding): FixResult {
  const fail = (reason: FixFailure): FixResult => ({ ok: false, content, reason });
  if (!finding.fix) return fail('no-fix');
  const { field, block, figure, start, end } = finding.location;
  const text = currentText(content, finding);
  if (text === null) return fail('not-found');
  if (end > text.length || text.slice(start, end) !== finding.text) return fail('stale');
  const edit = minimalEdit(start, finding.text, finding.fix.replacement);
  if (edit.start === edit.end && edit.insert === '') return { ok: true, content };

  switch (field) {
    case 'headline':
    case 'deck':
    case 'byline':
      return { ok: true, content: { ...content, [field]: splice(text, edit) } };
    case 'channel': {
      // The edit must stay inside one part of the channel path.
      let offset = 0;
      for (let i = 0; i < content.channel.length; i++) {
        const part = content.channel[i]!;
        if (edit.start >= offset && edit.end <= offset + part.length) {
          const next = splice(part, edit, offset);
          if (next.trim() === '') return fail('empty-channel');
          const channel = content.channel.slice();
          channel[i] = next;
          return { ok: true, content: { ...content, channel } };
        }
        offset += part.length + CHANNEL_SEPARATOR.length;
      }
      return fail('spans-formatting');
    }
    case 'body': {
      const node = content.body.root.children![block!]!;
      const changed = editBlock(node, edit);
      if (typeof changed === 'string') return fail(changed);
      return { ok: true, content: withRootChild(content, block!, () => changed) };
    }
    default: {
      const path = figurePaths(content)[figure!]!;
      const root = updateAt(content.body.root, path, 0, (node) => ({ ...node, [field]: splice(text, edit) }));
      return { ok: true, content: { ...content, body: { ...content.body, root } } };
    }
  }
}
