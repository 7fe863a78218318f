import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGES_BASES } from '../../shared/tracked/schema';
import { useStore } from '../app/store';
import { formatWhen } from '../i18n/i18n';
import type { ChangesStore } from './changes-store';

/** "Changes since: [as this stage received it | since submitted | revision N]", and which copy that turned out to be. */
export function ChangesSinceChoice({ store }: { store: ChangesStore }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { base, since, problem, revisions } = useStore(store);
  const when = (at: string) => formatWhen(at, i18n.language);
  return (
    <div className="changes-since">
      <label htmlFor={id}>{t('changes.since')}</label>
      <select id={id} value={base} onChange={(event) => store.setBase(event.target.value)}>
        {CHANGES_BASES.map((name) => (
          <option key={name} value={name}>
            {t(`changes.bases.${name}`)}
          </option>
        ))}
        {revisions.map((revision) => (
          <option key={revision.id} value={revision.id}>
            {t('changes.revision', { n: revision.n, name: revision.authorName, when: when(revision.at) })}
          </option>
        ))}
      </select>
      {since && <span className="changes-base muted">{t('changes.base', { name: since.base.byName, stage: t(`stages.${since.base.stage}`), when: when(since.base.at) })}</span>}
      {problem && (
        <span className="changes-problem" role="status">
          {problem}
        </span>
      )}
    </div>
  );
}
