import fc from 'fast-check';
import type { ReviewRequest } from '../../../src/shared/review/rules';
import { ADMIN, ALL_ROUNDER, AUTHOR, Desk, EDITOR, EDITOR_2, H2, person, SECOND, THIRD } from '../review/desk';

export const PEOPLE = [AUTHOR, EDITOR, EDITOR_2, SECOND, THIRD, ADMIN, ALL_ROUNDER, person('u-gone0001', 'Gone', ['editor'], false)];
export const OTHER_AUTHOR = person('u-reporter2', 'Reporter Two', ['reporter', 'editor']);
/** Everyone whose desk queues are checked, and nobody in particular. */
export const VIEWERS = [...PEOPLE, OTHER_AUTHOR, null];

// Submitting and approving come up more often, so articles get far along the chain.
const ACTIONS: ReviewRequest[] = [
  { action: 'submit' },
  { action: 'submit' },
  { action: 'approve', opinion: 'ok' },
  { action: 'approve', opinion: 'ok' },
  { action: 'approve', opinion: 'ok' },
  { action: 'withdraw' },
  { action: 'approve', opinion: 'ok' },
  { action: 'return', to: 'draft', reason: 'no' },
  { action: 'return', to: 'first', reason: 'no' },
  { action: 'reopen', reason: 'again' },
];

/** A review that went through random steps by random people, each allowed by the real rules or skipped. */
export const reviewedDesk = fc
  .record({
    author: fc.constantFrom(AUTHOR, OTHER_AUTHOR),
    steps: fc.array(fc.tuple(fc.constantFrom(...PEOPLE, OTHER_AUTHOR), fc.constantFrom(...ACTIONS)), { maxLength: 20 }),
    edited: fc.boolean(),
  })
  .map(({ author, steps, edited }) => {
    const desk = new Desk(author.id);
    for (const [actor, action] of steps) desk.act(actor, action);
    if (edited) desk.edit(H2);
    return { desk, author };
  });
