import { useTranslation } from 'react-i18next';
import type { RecordStatus as Status } from '../../shared/identity/article-verdict';

/**
 * Whether a record counts and who signed it: "signed by <name> · <fingerprint>", "unsigned
 * (before signatures)", or forged, rule-breaking, crossed or pending, with why.
 */
export function RecordStatus({ status, name, fingerprint, detail }: { status: Status; name: string; fingerprint: string | null; detail?: string | undefined }) {
  const { t } = useTranslation();
  const text = status === 'signed' ? t('records.signedBy', { name, fingerprint: fingerprint ?? '' }) : t(`records.${status}`);
  return (
    <span className={`record-status record-${status}`} title={detail}>
      {text}
      {detail && status !== 'signed' && <span className="record-detail"> — {detail}</span>}
    </span>
  );
}
