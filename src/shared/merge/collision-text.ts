/** A collision's three versions as text a person reads side by side: blocks as lines, a figure as its caption and credit. */
import { formatChannel } from '../article/article';
import { copyBlocks, type CopyBlock } from '../article/copy-blocks';
import { splitChannel } from './merge-content';
import type { Collision } from './crossed-schema';

function blockText(block: CopyBlock): string {
  switch (block.kind) {
    case 'figure':
      return [`🖼 ${block.figure.caption}`, block.figure.credit].filter((part) => part.trim() !== '').join(' — ');
    case 'list':
      return block.items.map((item) => `• ${item.map((run) => run.text).join('')}`).join('\n');
    default:
      return block.runs.map((run) => run.text).join('');
  }
}

export function collisionText(collision: Collision): { base: string; a: string; b: string } {
  if (collision.where === 'field') {
    const text = (value: string) => (collision.field === 'channel' ? formatChannel(splitChannel(value)) : value);
    return { base: text(collision.base), a: text(collision.a), b: text(collision.b) };
  }
  const text = (body: typeof collision.a) => copyBlocks(body).map(blockText).join('\n\n');
  return { base: text(collision.base), a: text(collision.a), b: text(collision.b) };
}
