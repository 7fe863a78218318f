import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comparison, HistoryList, ListedRevision } from '../../shared/contract/api';
import { useAppStores } from '../app/app-stores';
import { FileProblems } from '../app/FileProblems';
import { useSelect } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { formatWhen } from '../i18n/i18n';
import { defaultComparison } from '../../shared/history/comparison';
import { revisionStage } from '../../shared/history/revision-stage';
import type { ReviewEntry } from '../../shared/contract/api';
import { RecordStatus } from '../review/RecordStatus';

import { DiffView } from './DiffView';
import { personColour } from './person-colour';

const REASON_KEYS = { 'since-my-approval': 'sinceMyApproval', 'since-last-milestone': 'sinceMilestone', 'since-first': 'sinceFirst' } as const;
const NO_RECORDS: ReviewEntry[] = [];

function dayOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(new Date(iso));
}

export function HistoryPanel() {
  const { t, i18n } = useTranslation();
  const { opened, desk, errors } = useAppStores();
  const reportError = errors.report;
  const open = useOpenArticle();
  const { id: articleId, session } = open;
  const currentUserId = useSelect(desk, (d) => d.session.currentUser?.id ?? null);
  const canEdit = useSelect(open.review, (view) => view.review?.edit.ok ?? false);
  // A reviewer's default comparison starts at their approval.
  const records = useSelect(open.review, (view) => view.review?.records) ?? NO_RECORDS;
  /** The working copy was replaced by an earlier version: the editor reopens it. */
  const onRestored = opened.reload;
  const labelId = useId();
  const [list, setList] = useState<HistoryList>({ revisions: [], problems: [], notices: [], damaged: [] });
  const revisions = list.revisions;
  const damaged = useMemo(() => new Map(list.damaged.map((d) => [d.id, d.problem])), [list.damaged]);
  const numberOf = useCallback((id: string) => revisions.find((r) => r.id === id)?.n ?? 0, [revisions]);
  const idOf = (n: number) => revisions.find((r) => r.n === n)?.id ?? null;
  const [milestonesOnly, setMilestonesOnly] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  const [comparison, setComparison] = useState<Comparison | null>(null);

  const load = useCallback(() => unwrap(api.listRevisions({ id: articleId })).then(setList, reportError), [articleId, reportError]);
  useEffect(() => {
    void load();
    return session.onVersion(() => void load());
  }, [load, session]);

  const compare = async (from: string, to: string) => {
    try {
      await session.flush();
      setComparison(await unwrap(api.compareRevisions({ id: articleId, from, to })));
    } catch (error) {
      reportError(error);
    }
  };

  const restore = async (call: () => Promise<unknown>) => {
    try {
      await session.flush();
      await call();
      setComparison(null);
      onRestored();
    } catch (error) {
      reportError(error);
    }
  };

  const suggested = defaultComparison(revisions, records, currentUserId ?? '');
  const suggestedFrom = suggested ? idOf(suggested.from) : null;
  // A revision that cannot be rebuilt is not offered for comparison.
  const suggestion = suggested && suggestedFrom && !damaged.has(suggestedFrom) ? { ...suggested, id: suggestedFrom } : null;
  const shown = useMemo(() => [...revisions].reverse().filter((r) => !milestonesOnly || r.kind === 'milestone'), [revisions, milestonesOnly]);
  const groups = useMemo(() => {
    const out: Array<{ key: string; day: string; stage: string; items: ListedRevision[] }> = [];
    for (const revision of shown) {
      const day = dayOf(revision.at, i18n.language);
      const stage = revisionStage(revision, records);
      const last = out[out.length - 1];
      if (last && last.day === day && last.stage === stage) last.items.push(revision);
      else out.push({ key: `${day}-${stage}-${revision.n}`, day, stage, items: [revision] });
    }
    return out;
  }, [shown, records, i18n.language]);

  const toggle = (id: string) => setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id].slice(-2)));
  const inOrder = [...picked].sort((a, b) => numberOf(a) - numberOf(b));

  return (
    <section className="history-panel" aria-label={t('history.panel')}>
      {canEdit && (
        <form
          className="save-version"
          onSubmit={(event) => {
            event.preventDefault();
            void session.recordVersion('save', label.trim() || undefined).then((ok) => ok && setLabel(''));
          }}
        >
          <label htmlFor={labelId}>{t('history.versionLabel')}</label>
          <input id={labelId} value={label} maxLength={200} placeholder={t('history.versionLabelPlaceholder')} onChange={(e) => setLabel(e.target.value)} />
          <button type="submit">{t('history.saveVersion')}</button>
        </form>
      )}
      {suggestion && (
        <button type="button" className="primary" onClick={() => void compare(suggestion.id, 'current')}>
          {t(`history.${REASON_KEYS[suggestion.reason]}`, { n: suggestion.from })}
        </button>
      )}
      <div className="history-tools">
        <label>
          <input type="checkbox" checked={milestonesOnly} onChange={(e) => setMilestonesOnly(e.target.checked)} /> {t('history.milestonesOnly')}
        </label>
        <button type="button" disabled={picked.length !== 2} onClick={() => void compare(inOrder[0]!, inOrder[1]!)}>
          {t('history.compareSelected')}
        </button>
      </div>
      <FileProblems title={t('history.fileProblems')} problems={[...list.problems, ...list.notices]} />
      {revisions.length === 0 && <p className="muted">{t('history.none')}</p>}
      {groups.map((group) => (
        <div key={group.key} className="history-group">
          <h3>
            {group.day} · {t(`stages.${group.stage}`)}
          </h3>
          <ol className="revisions">
            {group.items.map((revision) => (
              <li key={revision.id} className={`revision revision-${revision.kind}${damaged.has(revision.id) ? ' revision-damaged' : ''}`} aria-label={t('history.revision', { n: revision.n })}>
                <input
                  type="checkbox"
                  aria-label={t('history.pick', { n: revision.n })}
                  checked={picked.includes(revision.id)}
                  disabled={damaged.has(revision.id)}
                  onChange={() => toggle(revision.id)}
                />
                <span className="revision-dot" style={{ background: personColour(revision.author || revision.authorName) }} aria-hidden="true" />
                <span className="revision-main">
                  <span className="revision-line">
                    <strong>{t('history.revision', { n: revision.n })}</strong> {revision.authorName}
                    <span className="muted"> · {formatWhen(revision.at, i18n.language)}</span>
                  </span>
                  {revision.kind === 'milestone' && revision.action && <span className="milestone">{t(`review.actions.${revision.action}`)}</span>}
                  {revision.label && <span className="revision-label">{revision.label}</span>}
                  <RecordStatus status={revision.status} name={revision.authorName} fingerprint={revision.fingerprint} />
                  {damaged.has(revision.id) && <span className="revision-broken">{t('history.cannotRebuild', { problem: damaged.get(revision.id) })}</span>}
                </span>
                {!damaged.has(revision.id) && <span className="revision-actions">
                  <button type="button" className="link-button" onClick={() => void compare(revision.id, 'current')}>
                    {t('history.compareWithCurrent')}
                  </button>
                  {canEdit && (
                    <button type="button" className="link-button" onClick={() => void restore(() => unwrap(api.restoreRevision({ id: articleId, revision: revision.id })))}>
                      {t('history.restore')}
                    </button>
                  )}
                </span>}
              </li>
            ))}
          </ol>
        </div>
      ))}
      {comparison && (
        <DiffView
          comparison={comparison}
          numberOf={numberOf}
          onClose={() => setComparison(null)}
          onRestoreCaption={
            canEdit && comparison.from !== 'current'
              ? (figure) => void restore(() => unwrap(api.restoreCaption({ id: articleId, revision: comparison.from, figure: figure.now, source: figure.then })))
              : undefined
          }
        />
      )}
    </section>
  );
}
