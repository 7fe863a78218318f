import type { Language } from '../article/article';

/** The review sheet's words, in each interface language. */
export interface SheetLabels {
  title: string;
  headline: string;
  channel: string;
  author: string;
  counts: string;
  chineseCharacters: string;
  latinWords: string;
  figures: string;
  stage: string;
  reviewer: string;
  opinion: string;
  time: string;
  fingerprint: string;
  contentHash: string;
  chainHead: string;
  stages: Record<'first' | 'second' | 'third', string>;
  note: string;
}

export const SHEET_LABELS: Record<Language, SheetLabels> = {
  en: {
    title: 'Review sheet',
    headline: 'Headline',
    channel: 'Channel',
    author: 'Author',
    counts: 'Length',
    chineseCharacters: 'Chinese characters',
    latinWords: 'words',
    figures: 'figures',
    stage: 'Review',
    reviewer: 'Reviewer',
    opinion: 'Opinion',
    time: 'Time',
    fingerprint: 'Key fingerprint',
    contentHash: 'Content signed off (SHA-256)',
    chainHead: 'Head of the record chain (SHA-256)',
    stages: { first: 'First review (responsible editor)', second: 'Second review', third: 'Third review (sign-off)' },
    note: 'Each review is signed with the reviewer’s own key; anyone with the workspace can check it.',
  },
  'zh-CN': {
    title: '审稿单',
    headline: '标题',
    channel: '栏目',
    author: '作者',
    counts: '篇幅',
    chineseCharacters: '汉字',
    latinWords: '英文词',
    figures: '图片',
    stage: '审次',
    reviewer: '审稿人',
    opinion: '审稿意见',
    time: '时间',
    fingerprint: '密钥指纹',
    contentHash: '签发内容（SHA-256）',
    chainHead: '记录链末端（SHA-256）',
    stages: { first: '一审（责任编辑）', second: '二审', third: '三审（签发）' },
    note: '每一审均由审稿人本人的密钥签名，持有工作区者均可核验。',
  },
};
