import type { Article, Language } from '../article/article';
import { bodyPlainText } from '../article/body-walk';
import { countText } from '../article/counts';
import { copyBlocks } from '../article/copy-blocks';
import type { ReviewState } from '../review/review-state';
import { ROLE_NAMES } from '../review/labels';
import { REVIEW_STAGES, roleForStage, type ReviewStage } from '../review/stages';
import { exportGate, type ExportGateCode } from './gate';
import { bodyHtml, footerHtml, type ImageSource } from './html';
import { cleanText, oneLine } from './text-safety';

/** The ninjs version the output follows; see docs/export.md for the mapping and the extensions. */
export const NINJS_STANDARD = { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' } as const;
export const ARTICLE_URI_PREFIX = 'urn:newsroom-review:article:';
export const ASSET_URI_PREFIX = 'urn:newsroom-review:asset:';

interface Described {
  role?: string;
  contenttype?: string;
  value: string;
}

export interface NinjsPicture {
  name: string;
  uri: string;
  type: 'picture';
  representationtype: 'partial';
  descriptions?: Described[];
  by?: string;
  altids: { role: string; value: string }[];
  renditions: { name: string; href: string; contenttype: string; width: number; height: number }[];
}

export interface NinjsReviewer {
  stage: ReviewStage;
  /** The role that reviews at that stage (editor = 责任编辑, second = 二审, third = 三审). */
  role: string;
  roleName: string;
  name: string;
  personId: string;
  approvedAt: string;
  /** The approval was given for the copy as it stands. */
  current: boolean;
}

/** The `x-review` extension: where the article stands in the 三审 chain, and who signed. */
export interface NinjsReviewExtension {
  final: boolean;
  gate: ExportGateCode;
  reason: string;
  stage: string;
  signedOff: boolean;
  /** SHA-256 of the canonical copy; approvals name the hash they were given for. */
  contentHash: string;
  footer: string | null;
  reviewers: NinjsReviewer[];
}

export interface NinjsItem {
  uri: string;
  standard: typeof NINJS_STANDARD;
  type: 'text';
  representationtype: 'full';
  version: string;
  firstcreated: string;
  versioncreated: string;
  pubstatus: 'usable' | 'withheld';
  language: string;
  headlines: Described[];
  descriptions?: Described[];
  by?: string;
  bodies: (Described & { charcount: number })[];
  associations?: NinjsPicture[];
  altids: { role: string; value: string }[];
  'x-channel'?: string[];
  'x-review': NinjsReviewExtension;
}

export interface NinjsExportOptions {
  footer: string | null;
  /** The review state the export was made from. */
  state: ReviewState;
  /** Set when the review log cannot be trusted: the item is then withheld whatever the state. */
  problem?: string | null;
  /** The rendition href of figure `index` (0-based): a path relative to the JSON file, or a URL. */
  images: ImageSource;
  language?: Language;
}

function reviewers(state: ReviewState, language: Language): NinjsReviewer[] {
  const out: NinjsReviewer[] = [];
  for (const stage of REVIEW_STAGES) {
    const approval = state.approvals[stage];
    if (!approval) continue;
    const role = roleForStage(stage);
    out.push({
      stage,
      role,
      roleName: ROLE_NAMES[language][role],
      name: cleanText(approval.actorName),
      personId: approval.actorId,
      approvedAt: approval.at,
      current: !approval.stale,
    });
  }
  return out;
}

/**
 * The article as an IPTC ninjs 2.1 news item (type text): headline, deck as a description, byline
 * as `by`, the clean body HTML, pictures as associations with caption, alt text and credit, and the
 * review chain in the `x-review` extension. `pubstatus` is usable only for final copy.
 */
export function exportNinjs(article: Article, options: NinjsExportOptions): NinjsItem {
  const gate = exportGate(options.state, options.problem ?? null);
  const language = options.language ?? article.language;
  // A footer names the reviewers who signed this copy: it belongs to final copy only.
  const footer = gate.final && options.footer?.trim() ? cleanText(options.footer.trim()) : null;
  const body = [bodyHtml(article.body, options.images), ...(footer ? [footerHtml(footer, language)] : [])].filter(Boolean).join('\n');

  const pictures: NinjsPicture[] = [];
  for (const block of copyBlocks(article.body)) {
    if (block.kind !== 'figure') continue;
    const figure = block.figure;
    const index = pictures.length;
    const descriptions: Described[] = [];
    if (figure.caption.trim()) descriptions.push({ role: 'caption', contenttype: 'text/plain', value: cleanText(figure.caption.trim()) });
    if (figure.alt.trim()) descriptions.push({ role: 'alt', contenttype: 'text/plain', value: cleanText(figure.alt.trim()) });
    pictures.push({
      name: `picture${index + 1}`,
      uri: `${ASSET_URI_PREFIX}${figure.asset}`,
      type: 'picture',
      representationtype: 'partial',
      ...(descriptions.length > 0 ? { descriptions } : {}),
      ...(figure.credit.trim() ? { by: oneLine(figure.credit) } : {}),
      altids: [{ role: 'sha256', value: figure.asset }],
      renditions: [{ name: 'original', href: options.images(figure, index), contenttype: figure.mime, width: figure.width, height: figure.height }],
    });
  }

  const channel = article.channel.map(oneLine).filter(Boolean);
  return {
    uri: `${ARTICLE_URI_PREFIX}${article.id}`,
    standard: NINJS_STANDARD,
    type: 'text',
    representationtype: 'full',
    version: String(article.revision),
    firstcreated: article.createdAt,
    versioncreated: article.updatedAt,
    pubstatus: gate.final ? 'usable' : 'withheld',
    language: article.language,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: oneLine(article.headline) }],
    ...(article.deck.trim() ? { descriptions: [{ role: 'deck', contenttype: 'text/plain', value: cleanText(article.deck.trim()) }] } : {}),
    ...(article.byline.trim() ? { by: oneLine(article.byline) } : {}),
    bodies: [{ role: 'main', contenttype: 'text/html', charcount: countText(bodyPlainText(article.body)).characters, value: body }],
    ...(pictures.length > 0 ? { associations: pictures } : {}),
    altids: [
      { role: 'newsroom-review:article-id', value: article.id },
      { role: 'newsroom-review:content-sha256', value: options.state.currentHash },
    ],
    ...(channel.length > 0 ? { 'x-channel': channel } : {}),
    'x-review': {
      final: gate.final,
      gate: gate.code,
      reason: gate.reason,
      stage: options.state.stage,
      signedOff: options.state.signedOff,
      contentHash: options.state.currentHash,
      footer,
      reviewers: reviewers(options.state, language),
    },
  };
}

/** The item as the .json file holds it: two-space indented, ending with a newline. */
export function ninjsJson(item: NinjsItem): string {
  return `${JSON.stringify(item, null, 2)}\n`;
}
