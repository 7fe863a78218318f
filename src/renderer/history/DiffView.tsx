import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../shared/contract/api';
import { DIFF_FIELDS, type BodyEntry } from '../../shared/history/article-diff';
import { Modal } from '../app/Modal';
import { DiffParts } from './DiffParts';

interface DiffViewProps {
  comparison: Comparison;
  /** The number a revision is listed under, for its id. */
  numberOf: (revision: string) => number;
  onClose: () => void;
  onRestoreCaption?: (figure: { now: number; then: number }) => void;
}

function Both({ parts, mode }: { parts: Parameters<typeof DiffParts>[0]['parts']; mode: 'inline' | 'side' }) {
  if (mode === 'inline') return <DiffParts parts={parts} />;
  return (
    <div className="diff-columns">
      <div className="diff-before">
        <DiffParts parts={parts} side="before" />
      </div>
      <div className="diff-after">
        <DiffParts parts={parts} side="after" />
      </div>
    </div>
  );
}

function Entry({ entry, figure, mode, onRestoreCaption }: { entry: BodyEntry; figure: { now: number; then: number } | null; mode: 'inline' | 'side'; onRestoreCaption?: (figure: { now: number; then: number }) => void }) {
  const { t } = useTranslation();
  if (entry.type === 'text') {
    return (
      <div className={`diff-entry diff-${entry.status} diff-kind-${entry.kind}`}>
        <span className="diff-tag">{t(`history.status.${entry.status}`)}</span>
        <Both parts={entry.parts} mode={mode} />
      </div>
    );
  }
  return (
    <div className={`diff-entry diff-figure diff-${entry.status}`}>
      <span className="diff-tag">
        {t('history.figure')} · {t(`history.status.${entry.status}`)}
        {entry.imageChanged ? ` · ${t('history.imageChanged')}` : ''}
      </span>
      {(['caption', 'credit', 'alt'] as const).map((part) =>
        entry[part].some((p) => p.kind !== 'equal') || part === 'caption' ? (
          <div key={part} className="diff-figure-part">
            <span className="muted">{t(`figure.${part}`)}:</span> <Both parts={entry[part]} mode={mode} />
          </div>
        ) : null,
      )}
      {onRestoreCaption && figure !== null && entry.status === 'changed' && entry.caption.some((p) => p.kind !== 'equal') && (
        <button type="button" className="link-button" onClick={() => onRestoreCaption(figure)}>
          {t('history.restoreCaption')}
        </button>
      )}
    </div>
  );
}

/** Each figure entry's index among the newer and the older version's figures. */
function figureIndexes(body: BodyEntry[]): Array<{ now: number; then: number } | null> {
  let now = 0;
  let then = 0;
  return body.map((entry) => {
    if (entry.type !== 'figure') return null;
    const place = entry.after && entry.before ? { now, then } : null;
    if (entry.after) now++;
    if (entry.before) then++;
    return place;
  });
}

export function DiffView({ comparison, numberOf, onClose, onRestoreCaption }: DiffViewProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
  const { diff } = comparison;
  const name = (ref: string) => (ref === 'current' ? t('history.current') : t('history.revision', { n: numberOf(ref) }));
  const changedFields = DIFF_FIELDS.filter((field) => diff.fields[field].changed);
  const figures = figureIndexes(diff.body);
  const changedBody = diff.body.map((entry, i) => ({ entry, figure: figures[i] ?? null })).filter(({ entry }) => entry.status !== 'equal');
  return (
    <Modal title={t('history.compareTitle', { from: name(comparison.from), to: name(comparison.to) })} onClose={onClose} className="modal-wide">
      <p className="diff-summary" role="status">
        {t('history.summary', {
          insertions: diff.summary.insertions,
          deletions: diff.summary.deletions,
          added: diff.summary.figuresAdded,
          removed: diff.summary.figuresRemoved,
          changed: diff.summary.figuresChanged,
        })}
      </p>
      <div className="diff-mode" role="radiogroup" aria-label={t('history.mode')}>
        <label>
          <input type="radio" name="diff-mode" checked={mode === 'inline'} onChange={() => setMode('inline')} /> {t('history.inline')}
        </label>
        <label>
          <input type="radio" name="diff-mode" checked={mode === 'side'} onChange={() => setMode('side')} /> {t('history.sideBySide')}
        </label>
      </div>
      <div className="diff-body">
        {!diff.changed && <p className="muted">{t('history.noChanges')}</p>}
        {changedFields.map((field) => (
          <div key={field} className="diff-entry diff-field">
            <span className="diff-tag">{t(`editor.${field}`)}</span>
            <Both parts={diff.fields[field].parts} mode={mode} />
          </div>
        ))}
        {changedBody.map(({ entry, figure }, i) => (
          <Entry key={i} entry={entry} figure={figure} mode={mode} onRestoreCaption={onRestoreCaption} />
        ))}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('history.close')}
        </button>
      </div>
    </Modal>
  );
}
