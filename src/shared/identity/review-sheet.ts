/**
 * The review sheet (审稿单) of a signed-off article: what goes on it, taken from a verified
 * article (`reviewSheetData`), and the sheet as a standalone HTML document (`reviewSheetHtml`),
 * every field escaped — headline, channel, author, counts, each stage's reviewer, opinion,
 * time and key fingerprint, the content hash signed off and the head of the record chain.
 */
import type { ArticleContent, Language } from '../article/article';
import { countArticle } from '../article/article-counts';
import { contentHash } from '../article/canonical';
import { escapeHtml } from '../export/text-safety';
import { REVIEW_STAGES, type ReviewStage } from '../review/stages';
import { SHEET_LABELS } from './sheet-labels';
import type { ArticleVerdict } from './verify-article';

export interface ReviewSheetData {
  headline: string;
  channel: string[];
  author: { name: string; fingerprint: string | null };
  counts: { chineseCharacters: number; latinWords: number; figures: number };
  stages: Array<{ stage: ReviewStage; reviewer: string; opinion: string; at: string; fingerprint: string | null }>;
  contentHash: string;
  chainHead: string | null;
}

export type ReviewSheetRefusal = 'not-signed-off' | 'copy-changed';
export type ReviewSheet = { ok: true; html: string } | { ok: false; reason: ReviewSheetRefusal };

/** What the sheet says, for a signed-off article whose copy is the one signed off. */
export function reviewSheetData(verdict: ArticleVerdict, content: ArticleContent): { ok: true; data: ReviewSheetData } | { ok: false; reason: ReviewSheetRefusal } {
  if (!verdict.signedOff) return { ok: false, reason: 'not-signed-off' };
  if (contentHash(content) !== verdict.review.currentHash) return { ok: false, reason: 'copy-changed' };
  const counts = countArticle(content);
  const author = verdict.records.find((record) => record.kind === 'create' && record.status === 'signed');
  return {
    ok: true,
    data: {
      headline: content.headline,
      channel: [...content.channel],
      author: { name: author?.byName ?? verdict.authorId ?? '', fingerprint: author?.fingerprint ?? null },
      counts: { chineseCharacters: counts.chineseCharacters, latinWords: counts.latinWords, figures: counts.figures },
      stages: REVIEW_STAGES.map((stage) => {
        const approval = verdict.review.approvals[stage]!;
        return { stage, reviewer: approval.actorName, opinion: approval.opinion, at: approval.at, fingerprint: verdict.approvals[stage]?.fingerprint ?? null };
      }),
      contentHash: verdict.review.currentHash,
      chainHead: verdict.chainHead,
    },
  };
}

const SHEET_CSP = "default-src 'none'; style-src 'unsafe-inline'";
const STYLE =
  'body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin:1rem 0}' +
  'th,td{border:1px solid #999;padding:.4rem .6rem;text-align:left;vertical-align:top}th{background:#f2f2f2;width:12em}code{font-size:.85em;word-break:break-all}';

export function reviewSheetHtml(args: { verdict: ArticleVerdict; content: ArticleContent; language: Language }): ReviewSheet {
  const sheet = reviewSheetData(args.verdict, args.content);
  if (!sheet.ok) return sheet;
  return { ok: true, html: sheetHtml(sheet.data, args.language) };
}

export function sheetHtml(data: ReviewSheetData, language: Language): string {
  const labels = SHEET_LABELS[language];
  const row = (label: string, value: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
  const code = (text: string | null | undefined) => (text ? `<code>${escapeHtml(text)}</code>` : '');
  const { counts } = data;
  const summary = [
    row(labels.headline, escapeHtml(data.headline)),
    row(labels.channel, escapeHtml(data.channel.join(' > '))),
    row(labels.author, `${escapeHtml(data.author.name)}${data.author.fingerprint ? ` · ${code(data.author.fingerprint)}` : ''}`),
    row(labels.counts, escapeHtml(`${counts.chineseCharacters} ${labels.chineseCharacters} · ${counts.latinWords} ${labels.latinWords} · ${counts.figures} ${labels.figures}`)),
  ];
  const stages = data.stages.map((stage) =>
    [
      `<tr><th scope="rowgroup" colspan="2">${escapeHtml(labels.stages[stage.stage])}</th></tr>`,
      row(labels.reviewer, escapeHtml(stage.reviewer)),
      row(labels.opinion, escapeHtml(stage.opinion).replace(/\n/g, '<br>')),
      row(labels.time, escapeHtml(stage.at)),
      row(labels.fingerprint, code(stage.fingerprint)),
    ].join('\n'),
  );
  const seals = [row(labels.contentHash, code(data.contentHash)), row(labels.chainHead, code(data.chainHead))];
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(SHEET_CSP)}">`,
    `<title>${escapeHtml(`${labels.title} · ${data.headline}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(labels.title)}</h1>`,
    `<table>\n${summary.join('\n')}\n</table>`,
    `<table aria-label="${escapeHtml(labels.stage)}">\n${stages.join('\n')}\n</table>`,
    `<table>\n${seals.join('\n')}\n</table>`,
    `<p>${escapeHtml(labels.note)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
