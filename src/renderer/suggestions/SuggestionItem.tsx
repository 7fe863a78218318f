import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/checks/index';
import { diffText } from '../../shared/history/text-diff';
import type { SuggestionSummary } from '../../shared/suggestions/list';
import type { Decision } from '../../shared/suggestions/resolve-body';
import { DiffParts } from '../history/DiffParts';
import { personColour } from '../history/person-colour';
import { SuggestionByline } from './SuggestionByline';

function placeLabel(t: (key: string, options?: Record<string, unknown>) => string, s: SuggestionSummary): string {
  const place = s.place;
  if (place.field === 'body') return t('suggestions.places.body', { n: place.block + 1 });
  if (place.field === 'caption' || place.field === 'credit') return t(`suggestions.places.${place.field}`, { n: place.figure + 1 });
  return t(`suggestions.places.${place.field}`);
}

/** Scrolls to a body suggestion and puts the caret in it, or focuses the field a proposal is for. */
function reveal(s: SuggestionSummary): void {
  const element = document.querySelector<HTMLElement>(`.body-content [data-suggestion-key="${CSS.escape(s.key)}"]`);
  if (element) {
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(true);
    document.querySelector<HTMLElement>('.body-content')?.focus({ preventScroll: true });
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }
}

interface ItemProps {
  suggestion: SuggestionSummary;
  language: string;
  mayDecide: boolean;
  /** Proofreading findings this suggestion would bring in. */
  findings: Finding[];
  onDecide: (key: string, decision: Decision) => void;
}

/** One pending suggestion: who, where, what it changes, what proofreading says it would bring in, and the decision. */
export function SuggestionItem({ suggestion: s, language, mayDecide, findings, onDecide }: ItemProps) {
  const { t } = useTranslation();
  const kind = t(`suggestions.kinds.${s.kind}`);
  const where = placeLabel(t, s);
  return (
    <li className="suggestion-item" aria-label={t('suggestions.itemLabel', { kind, name: s.byName, place: where })} style={{ ['--suggestion-colour' as string]: personColour(s.by || s.byName) }}>
      <div className="suggestion-item-head">
        <SuggestionByline who={s} />
        <span className="suggestion-item-place">
          {kind} · {where}
        </span>
      </div>
      <p className="suggestion-item-text" lang={language}>
        {s.kind === 'field' ? (
          <DiffParts parts={diffText(s.deleted, s.inserted, language)} />
        ) : (
          <>
            {s.deleted && <del>{s.deleted}</del>}
            {s.inserted && <ins>{s.inserted}</ins>}
          </>
        )}
      </p>
      {findings.length > 0 && (
        <ul className="suggestion-item-findings" aria-label={t('suggestions.wouldBringIn')}>
          {findings.map((f) => (
            <li key={f.id} data-severity={f.severity}>
              {f.message[language === 'zh-CN' ? 'zh-CN' : 'en']}
            </li>
          ))}
        </ul>
      )}
      <div className="suggestion-item-actions">
        {s.place.field === 'body' && (
          <button type="button" className="link-button" onClick={() => reveal(s)}>
            {t('suggestions.show')}
          </button>
        )}
        {mayDecide && (
          <>
            <button type="button" onClick={() => onDecide(s.key, 'accept')}>
              {t('suggestions.accept')}
            </button>
            <button type="button" onClick={() => onDecide(s.key, 'reject')}>
              {t('suggestions.reject')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
