/**
 * The review sheet (审稿单) of a signed-off article, as a standalone HTML document built from a
 * verified article: every field escaped, one per stage with its reviewer, opinion, time and key
 * fingerprint, the content hash signed off and the head of the record chain.
 */
import type { ArticleContent, Language } from '../article/article';
import { countArticle } from '../article/article-counts';
import { contentHash } from '../article/canonical';
import { escapeHtml } from '../export/text-safety';
import { REVIEW_STAGES } from '../review/stages';
import { SHEET_LABELS } from './sheet-labels';
import type { ArticleVerdict } from './verify-article';

export type ReviewSheet = { ok: true; html: string } | { ok: false; reason: 'not-signed-off' | 'copy-changed' };

const SHEET_CSP = "default-src 'none'; style-src 'unsafe-inline'";
const STYLE =
  'body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin:1rem 0}' +
  'th,td{border:1px solid #999;padding:.4rem .6rem;text-align:left;vertical-align:top}th{background:#f2f2f2;width:12em}code{font-size:.85em;word-break:break-all}';

export function reviewSheetHtml(args: { verdict: ArticleVerdict; content: ArticleContent; language: Language }): ReviewSheet {
  const { verdict, content, language } = args;
  if (!verdict.signedOff) return { ok: false, reason: 'not-signed-off' };
  if (contentHash(content) !== verdict.review.currentHash) return { ok: false, reason: 'copy-changed' };
  const labels = SHEET_LABELS[language];
  const counts = countArticle(content);
  const author = verdict.records.find((record) => record.kind === 'create' && record.status === 'signed');
  const row = (label: string, value: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
  const code = (text: string | null | undefined) => (text ? `<code>${escapeHtml(text)}</code>` : '');

  const summary = [
    row(labels.headline, escapeHtml(content.headline)),
    row(labels.channel, escapeHtml(content.channel.join(' > '))),
    row(labels.author, `${escapeHtml(author?.byName ?? verdict.authorId ?? '')}${author?.fingerprint ? ` · ${code(author.fingerprint)}` : ''}`),
    row(
      labels.counts,
      escapeHtml(`${counts.chineseCharacters} ${labels.chineseCharacters} · ${counts.latinWords} ${labels.latinWords} · ${counts.figures} ${labels.figures}`),
    ),
  ];
  const stages = REVIEW_STAGES.map((stage) => {
    const approval = verdict.review.approvals[stage]!;
    const record = verdict.approvals[stage];
    return [
      `<tr><th scope="rowgroup" colspan="2">${escapeHtml(labels.stages[stage])}</th></tr>`,
      row(labels.reviewer, escapeHtml(approval.actorName)),
      row(labels.opinion, escapeHtml(approval.opinion).replace(/\n/g, '<br>')),
      row(labels.time, escapeHtml(approval.at)),
      row(labels.fingerprint, code(record?.fingerprint)),
    ].join('\n');
  });
  const seals = [row(labels.contentHash, code(verdict.review.currentHash)), row(labels.chainHead, code(verdict.chainHead))];
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(SHEET_CSP)}">`,
    `<title>${escapeHtml(`${labels.title} · ${content.headline}`)}</title>`,
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
  ];
  return { ok: true, html: html.join('\n') };
}
