import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/checks/index';
import { interfaceLanguage } from '../app/error-message';
import { useSelect } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { useDraft } from '../drafts/use-draft';
import { focusAtEnd } from '../app/focus-at-end';
import { findingPlace } from './finding-place';

interface ChecksPanelProps {
  findings: Finding[];
  canEdit: boolean;
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  onIgnore: (finding: Finding, reason: string) => Promise<boolean>;
}

function FindingItem({ finding, canEdit, onJump, onFix, onIgnore }: { finding: Finding } & Omit<ChecksPanelProps, 'findings'>) {
  const { t } = useTranslation();
  const language = interfaceLanguage();
  const id = useId();
  const reason = useDraft(`ignore:${finding.id}`);
  const [ignoring, setIgnoring] = useState(reason.text !== '');
  const where = findingPlace(t, finding.location);
  return (
    <li className={`finding finding-${finding.severity}${finding.ignored ? ' is-ignored' : ''}`} aria-label={finding.message[language]}>
      <button type="button" className="finding-main" onClick={() => onJump(finding)}>
        <span className="finding-where">{where}</span>
        <span className="finding-message">{finding.message[language]}</span>
      </button>
      {finding.ignored ? (
        <p className="finding-ignored">{t('checks.ignoredBy', { name: finding.ignored.byName, reason: finding.ignored.reason })}</p>
      ) : (
        <div className="finding-actions">
          {canEdit && finding.fix && (
            <button type="button" onClick={() => onFix(finding)}>
              {t('checks.fix', { label: finding.fix.label[language] })}
            </button>
          )}
          {!ignoring ? (
            <button type="button" className="link-button" onClick={() => setIgnoring(true)}>
              {t('checks.ignore')}
            </button>
          ) : (
            <form
              className="ignore-form"
              onSubmit={(event) => {
                event.preventDefault();
                void onIgnore(finding, reason.text).then((ok) => ok && (reason.clear(), setIgnoring(false)));
              }}
            >
              <label htmlFor={`${id}-reason`}>{t('checks.ignoreReason')}</label>
              <input id={`${id}-reason`} ref={focusAtEnd} {...reason.field} />
              <button type="submit" disabled={!reason.text.trim()}>
                {t('checks.ignoreConfirm')}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}

export function ChecksPanel() {
  const { t } = useTranslation();
  const { checks, review } = useOpenArticle();
  const findings = useSelect(checks, (c) => c.findings);
  const canEdit = useSelect(review, (view) => view.review?.edit.ok ?? false);
  const props: ChecksPanelProps = { findings, canEdit, onJump: checks.jump, onFix: checks.fix, onIgnore: checks.ignore };
  const active = props.findings.filter((f) => !f.ignored);
  const required = active.filter((f) => f.severity === 'required').length;
  const recommended = active.length - required;
  const ordered = [...props.findings].sort((a, b) => Number(Boolean(a.ignored)) - Number(Boolean(b.ignored)) || (a.severity === b.severity ? 0 : a.severity === 'required' ? -1 : 1));
  return (
    <section className="checks-panel" aria-label={t('checks.panel')}>
      <p className="checks-counts">
        <span className="count-required">{t('checks.required', { count: required })}</span>
        <span className="count-recommended">{t('checks.recommended', { count: recommended })}</span>
      </p>
      {props.findings.length === 0 && <p className="muted">{t('checks.none')}</p>}
      <ul className="findings">
        {ordered.map((finding) => (
          <FindingItem key={finding.id} finding={finding} canEdit={props.canEdit} onJump={props.onJump} onFix={props.onFix} onIgnore={props.onIgnore} />
        ))}
      </ul>
    </section>
  );
}
