import { CHANGE_END, CHANGE_NUMBER_END, CHANGE_START, type ImportedChange } from '../../../shared/suggestions/imported';

/**
 * Word's tracked changes in word/document.xml made visible to a converter that would apply them
 * silently (mammoth keeps inserted text and drops deleted text): each w:ins / w:moveTo and
 * w:del / w:moveFrom becomes its runs between two marker runs, deleted text as ordinary text, and
 * the changes are listed by number with their author and date. shared/suggestions/imported.ts
 * turns the marked copy into suggestions.
 */
export function markTrackedChanges(xml: string): { xml: string; changes: ImportedChange[] } {
  const changes: ImportedChange[] = [];
  const mark = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const wrap = (kind: ImportedChange['kind'], attributes: string, inner: string) => {
    const number = changes.length;
    changes.push({ kind, author: decodeXml(attribute(attributes, 'w:author') ?? ''), at: attribute(attributes, 'w:date') });
    return `${mark(`${CHANGE_START}${number}${CHANGE_NUMBER_END}`)}${inner}${mark(CHANGE_END)}`;
  };
  // A paragraph mark inserted or deleted (an empty w:ins / w:del in its properties) is left out:
  // the paragraphs stay as the copy stands, their text changes are kept as suggestions.
  let out = xml.replace(/<w:(ins|del)\b[^>]*\/>/g, '');
  // Deletions first: a deletion of someone's insertion sits inside that w:ins.
  out = out.replace(/<w:(del|moveFrom)\b([^>]*?)(?<!\/)>([\s\S]*?)<\/w:\1>/g, (_whole, _tag: string, attributes: string, inner: string) =>
    wrap('delete', attributes, inner.replace(/<w:delText\b([^>]*)>/g, '<w:t$1>').replace(/<\/w:delText>/g, '</w:t>').replace(/<w:delText\b[^>]*\/>/g, '')),
  );
  out = out.replace(/<w:(ins|moveTo)\b([^>]*?)(?<!\/)>([\s\S]*?)<\/w:\1>/g, (_whole, _tag: string, attributes: string, inner: string) => wrap('insert', attributes, inner));
  return { xml: out, changes };
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`${name}="([^"]*)"`).exec(attributes) ?? new RegExp(`${name}='([^']*)'`).exec(attributes);
  return match ? match[1]! : null;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#[0-9]+);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[entity.toLowerCase()]) return named[entity.toLowerCase()]!;
    const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
