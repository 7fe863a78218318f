import { useTranslation } from 'react-i18next';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { useSelect, useStore } from '../app/store';
import { ChecksPanel } from '../checks/ChecksPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { useOpenArticle } from './article-context';
import type { SideTab } from './open-article';

/** Review, annotations, checks and history of the open article, one at a time. */
export function SidePanel() {
  const { t } = useTranslation();
  const open = useOpenArticle();
  const tab = useStore(open.tab);
  const openCount = useSelect(open.annotations, (a) => a.threads.filter((th) => !th.resolved).length);
  const suggestionCount = useSelect(open.suggestions, (s) => s.list.length);
  const requiredCount = useSelect(open.checks, (c) => c.findings.filter((f) => f.severity === 'required' && !f.ignored).length);
  const tabButton = (name: SideTab, label: string, count = 0) => (
    <button type="button" role="tab" aria-selected={tab === name} onClick={() => open.tab.put(name)}>
      {label} {count > 0 && <span className="badge">{count}</span>}
    </button>
  );
  return (
    <aside className="side-panel">
      <div className="side-tabs" role="tablist" aria-label={t('review.panel')}>
        {tabButton('review', t('review.panel'))}
        {tabButton('annotations', t('annotations.panel'), openCount)}
        {tabButton('suggestions', t('suggestions.panel'), suggestionCount)}
        {tabButton('checks', t('checks.panel'), requiredCount)}
        {tabButton('history', t('history.panel'))}
      </div>
      <div className="side-body" role="tabpanel">
        {tab === 'review' && <ReviewPanel />}
        {tab === 'checks' && <ChecksPanel />}
        {tab === 'history' && <HistoryPanel />}
        {tab === 'annotations' && <AnnotationsPanel />}
        {tab === 'suggestions' && <SuggestionsPanel />}
      </div>
    </aside>
  );
}
