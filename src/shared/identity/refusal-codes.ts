/** Why an identity or roster action was refused; worded in src/shared/identity/refusal-words.ts. */
export const IDENTITY_REFUSAL_CODES = [
  'locked',
  'wrong-passphrase',
  'weak-passphrase',
  'no-key',
  'bad-enrolment-code',
  'key-damaged',
  'name-empty',
  'name-too-long',
  'name-invisible-character',
  'name-confusable',
  'roster-refused',
  'roster-lost',
  'needs-upgrade',
  'not-set-up',
  'already-set-up',
  'remember-unavailable',
  'not-upgrade-admin',
  'no-review-sheet',
] as const;
export type IdentityRefusalCode = (typeof IDENTITY_REFUSAL_CODES)[number];
