import type { Language } from '../article/article';

/** The draft mark, in both languages whatever the copy's: it must be understood by anyone. */
export const DRAFT_MARK = 'DRAFT / 草稿';

export interface ExportLabels {
  /** Accessible name of the channel breadcrumb. */
  channel: string;
  /** Under the draft mark. */
  draftNote: string;
  /** In place of the review footer when there is none. */
  footerMissing: string;
}

export const EXPORT_LABELS: Record<Language, ExportLabels> = {
  en: {
    channel: 'Channel',
    draftNote: 'Not signed off: not for publication.',
    footerMissing: 'Not signed off: there are no review credits yet.',
  },
  'zh-CN': {
    channel: '栏目',
    draftNote: '未签发稿件，不得刊发。',
    footerMissing: '尚未签发，暂无审稿署名。',
  },
};
