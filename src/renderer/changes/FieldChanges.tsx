import { createContext, useContext } from 'react';
import { useSelectAlike, Value, type Store } from '../app/store';
import { useTranslation } from 'react-i18next';
import type { FigureFields } from '../../shared/article/body';
import { trackedText, type ChangeAuthor, type TrackedCopy, type TrackedField, type TrackedFigure, type TrackedPart } from '../../shared/tracked/attribute';
import { authorColour, describeChange } from './describe';

/**
 * The changes since the chosen base, while they are shown (the changes view); null otherwise. A
 * store, not the value: they are worked out again after every save, and each field and figure
 * re-renders only when its own part of them differs (a 50-figure article re-rendered every
 * figure on every save while someone typed).
 */
export const ChangesContext = createContext<Store<TrackedCopy | null>>(new Value<TrackedCopy | null>(null));

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function useFieldChanges(field: TrackedField): TrackedPart[] | null {
  return useSelectAlike(useContext(ChangesContext), (tracked) => tracked?.fields[field] ?? null, sameJson);
}

/**
 * Who made each of these parts (null for unchanged text); null while no changes are shown or the
 * parts have none. Only these authors: every save adds one to the whole copy's list.
 */
function usePartAuthors(parts: readonly TrackedPart[] | null | undefined): Array<ChangeAuthor | null> | null {
  const pick = (tracked: TrackedCopy | null) =>
    tracked && parts?.some((part) => part.kind !== 'equal') ? parts.map((part) => (part.kind === 'equal' ? null : (tracked.authors[part.who!] ?? null))) : null;
  return useSelectAlike(useContext(ChangesContext), pick, sameJson);
}

/** The changes of a figure's caption and credit: the live figure showing this image with this caption (else the first with the image). */
export function useFigureChanges(fields: Pick<FigureFields, 'asset' | 'caption'>): TrackedFigure | null {
  const pick = (tracked: TrackedCopy | null) => {
    const figures = (tracked?.body ?? []).filter((b): b is TrackedFigure => b.type === 'figure' && b.removedBy === undefined && b.figure.asset === fields.asset);
    return figures.find((f) => trackedText(f.caption, 'final') === fields.caption) ?? figures[0] ?? null;
  };
  return useSelectAlike(useContext(ChangesContext), pick, sameJson);
}

/** A field's changes since the base, as an inline diff under it, each change in its author's colour and naming them. */
export function FieldChanges({ parts }: { parts: readonly TrackedPart[] | null | undefined }) {
  const { t, i18n } = useTranslation();
  const authors = usePartAuthors(parts);
  if (!authors || !parts) return null;
  return (
    <p className="field-changes" aria-label={t('changes.field')}>
      {parts.map((part, index) => {
        if (part.kind === 'equal') return <span key={index}>{part.text}</span>;
        const author = authors[index];
        if (!author) return null;
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
