import type { Language } from '../article/article';
import type { ReviewState } from './review-state';

const IDEOGRAPHIC_SPACE = '\u3000';

/** The published credit line of the three reviews; only for copy that is signed off as it stands. */
export function reviewFooter(state: ReviewState, language: Language): string | null {
  const { first, second, third } = state.approvals;
  if (!state.signedOff || !first || !second || !third) return null;
  if (language === 'zh-CN') return [`责任编辑：${first.actorName}`, `二审：${second.actorName}`, `三审：${third.actorName}`].join(IDEOGRAPHIC_SPACE);
  return `Edited by ${first.actorName} / Second review ${second.actorName} / Third review ${third.actorName}`;
}
