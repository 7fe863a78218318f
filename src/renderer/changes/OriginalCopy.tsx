import { useTranslation } from 'react-i18next';
import { trackedText, type TrackedCopy } from '../../shared/tracked/attribute';

const TAGS = { paragraph: 'p', heading: 'h2', quote: 'blockquote', listitem: 'p' } as const;

/** The copy as it was at the chosen base, read-only: what "original copy" shows while changes since a base are chosen. */
export function OriginalCopy({ tracked }: { tracked: TrackedCopy }) {
  const { t } = useTranslation();
  const original = (parts: Parameters<typeof trackedText>[0]) => trackedText(parts, 'original');
  return (
    <section className="original-copy" aria-label={t('changes.original')}>
      <h1 className="original-headline">{original(tracked.fields.headline)}</h1>
      {tracked.fields.deck.length > 0 && <p className="original-deck">{original(tracked.fields.deck)}</p>}
      <p className="original-byline">{original(tracked.fields.byline)}</p>
      {tracked.body.map((block, index) => {
        if (block.addedBy !== undefined) return null;
        if (block.type === 'figure') {
          return (
            <p key={index} className="original-figure">
              [{t('figure.image')}] {original(block.caption)} {original(block.credit) && `— ${original(block.credit)}`}
            </p>
          );
        }
        const Tag = TAGS[block.kind];
        return <Tag key={index}>{original(block.parts)}</Tag>;
      })}
    </section>
  );
}
