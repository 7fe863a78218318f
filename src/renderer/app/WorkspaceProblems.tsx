import { useTranslation } from 'react-i18next';
import type { FileProblem } from '../../shared/contract/api';
import { useAppStores } from './app-stores';
import { FileProblems } from './FileProblems';
import { useSelect } from './store';

const NONE: readonly FileProblem[] = [];

/**
 * The workspace's own files that cannot be used (workspace.json, people.json), named, with what
 * follows for the person at the desk. Each was left exactly as it is.
 */
export function WorkspaceProblems() {
  const { t } = useTranslation();
  const stores = useAppStores();
  const own = useSelect(stores.desk, (desk) => desk.workspace?.problems) ?? NONE;
  const leases = useSelect(stores.leases, (view) => view.problems);
  const problems = leases.length > 0 ? [...own, ...leases] : own;
  const consequences = problems.map((p) => (p.file === 'people.json' ? t('workspaceProblems.people') : p.file === 'workspace.json' ? t('workspaceProblems.settings') : ''));
  return (
    <div className="workspace-problems">
      <FileProblems
        title={t('workspaceProblems.title')}
        hint={[t('workspaceProblems.hint'), ...consequences.filter(Boolean), ...(leases.length > 0 ? [t('leases.problems')] : [])]}
        problems={problems}
      />
    </div>
  );
}
