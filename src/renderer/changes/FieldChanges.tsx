import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureFields } from '../../shared/article/body';
import { trackedText, type TrackedCopy, type TrackedField, type TrackedFigure, type TrackedPart } from '../../shared/tracked/attribute';
import { authorColour, describeChange } from './describe';

/** The changes since the chosen base, while they are shown (the changes view); null otherwise. */
export const ChangesContext = createContext<TrackedCopy | null>(null);

export function useFieldChanges(field: TrackedField): TrackedPart[] | null {
  return useContext(ChangesContext)?.fields[field] ?? null;
}

/** The changes of a figure's caption and credit: the live figure showing this image with this caption (else the first with the image). */
export function useFigureChanges(fields: Pick<FigureFields, 'asset' | 'caption'>): TrackedFigure | null {
  const tracked = useContext(ChangesContext);
  const figures = (tracked?.body ?? []).filter((b): b is TrackedFigure => b.type === 'figure' && b.removedBy === undefined && b.figure.asset === fields.asset);
  return figures.find((f) => trackedText(f.caption, 'final') === fields.caption) ?? figures[0] ?? null;
}

/** A field's changes since the base, as an inline diff under it, each change in its author's colour and naming them. */
export function FieldChanges({ parts }: { parts: readonly TrackedPart[] | null | undefined }) {
  const { t, i18n } = useTranslation();
  const tracked = useContext(ChangesContext);
  if (!tracked || !parts || parts.every((p) => p.kind === 'equal')) return null;
  return (
    <p className="field-changes" aria-label={t('changes.field')}>
      {parts.map((part, index) => {
        if (part.kind === 'equal') return <span key={index}>{part.text}</span>;
        const author = tracked.authors[part.who!]!;
        const label = describeChange(t, i18n.language, author, part.kind, part.text);
        const Tag = part.kind === 'insert' ? 'ins' : 'del';
        return (
          <Tag key={index} title={label} aria-label={label} tabIndex={0} style={{ ['--change-colour' as string]: authorColour(author) }}>
            {part.text}
          </Tag>
        );
      })}
    </p>
  );
}
