import { IDENTITY_REFUSAL_CODES } from '../identity/refusal-codes';

/** Why a review or roster action was refused; `refusalMessage` puts it into plain words. */
export const REVIEW_REFUSAL_CODES = [
  'inactive-person',
  'wrong-stage',
  'not-your-stage',
  'not-author',
  'author-cannot-review',
  'already-reviewed-other-stage',
  'stale-approvals',
  'missing-approvals',
  'opinion-required',
  'reason-required',
  'text-too-long',
  'invalid-return-target',
  'review-started',
  'cannot-reopen',
  'out-of-date',
  'duplicate-name',
  'duplicate-id',
  'last-admin',
  'unknown-person',
  'invalid-person',
  'read-only',
  'open-annotations',
  'admin-only',
  'no-current-user',
  'chain-damaged',
  'settings-damaged',
  'not-annotator',
  'required-checks',
  'recommended-checks',
  'required-checks-ahead',
  'cannot-trash',
] as const;
export const REFUSAL_CODES = [...REVIEW_REFUSAL_CODES, ...IDENTITY_REFUSAL_CODES] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  params: Record<string, string>;
}

export type Checked = { ok: true } | { ok: false; reason: Refusal };

export function refusal(code: RefusalCode, params: Record<string, string> = {}): { ok: false; reason: Refusal } {
  return { ok: false, reason: { code, params } };
}
