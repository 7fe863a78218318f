import type { DiffPart } from '../../shared/history/text-diff';

/** Inline: deletions struck through, insertions highlighted. Side by side: one version per column. */
export function DiffParts({ parts, side }: { parts: DiffPart[]; side?: 'before' | 'after' }) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'equal') return <span key={index}>{part.text}</span>;
        if (part.kind === 'insert') return side === 'before' ? null : <ins key={index}>{part.text}</ins>;
        return side === 'after' ? null : <del key={index}>{part.text}</del>;
      })}
    </>
  );
}
