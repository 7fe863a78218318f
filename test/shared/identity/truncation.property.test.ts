import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleLogDir } from '../../../src/shared/identity/layout';
import { hasRole } from '../../../src/shared/review/people';
import { sha256Hex } from '../../../src/shared/article/canonical';
import { ARTICLE, H1, Newsroom } from '../../helpers/identity';

const HASHES = [H1, sha256Hex('two'), sha256Hex('three')];

/** Steps of a newsroom at work, some refused by the rules when they are tried. */
const stepArb = fc.record({
  /** Mostly whoever holds the article now; now and then someone else, whom the rules may refuse. */
  who: fc.oneof(
    { arbitrary: fc.constant('holder' as const), weight: 8 },
    { arbitrary: fc.constantFrom('author' as const, 'editor' as const, 'second' as const, 'third' as const, 'allRounder' as const), weight: 2 },
  ),
  action: fc.oneof({ arbitrary: fc.constant('approve' as const), weight: 8 }, { arbitrary: fc.constantFrom('return' as const, 'reopen' as const), weight: 1 }),
  /** Now and then the copy is edited before the step. */
  edit: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.nat({ max: 2 }), weight: 1 }),
});

/** How many lines to drop from the end of a file: often none, so that some logs stay signed off. */
const dropArb = fc.oneof({ arbitrary: fc.constant(0), weight: 8 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 });

/** create, submit and three approvals: cutting before them can only leave a draft. */
const SIGN_OFF_RECORDS = 5;

const HOLDERS = { draft: 'author', first: 'editor', second: 'second', third: 'third', signed: 'third' } as const;

describe('records dropped from the end', () => {
  // Forty newsrooms, each verified after every step: CPU-bound, and slow when the machine is busy.
  it('never make an article look signed off for a copy the third review did not sign', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), fc.nat(), fc.array(dropArb, { minLength: 6, maxLength: 6 }), fc.nat({ max: 3 }), async (steps, cut, drops, finalCopy) => {
        const room = await Newsroom.start();
        const staff = { ...room.staff(), allRounder: room.enrol('u-liuyang01', 'Liu Yang', ['editor', 'second', 'third']) };
        // Signed off once, then reopened for a correction; what follows is random.
        room.signOff(staff);
        room.act(staff.third, { action: 'reopen', reason: 'Correction.' });
        let copy = HASHES[0]!;
        for (const step of steps) {
          if (step.edit !== null) copy = HASHES[step.edit]!;
          const stage = room.verify({ currentHash: copy }).review.stage;
          const actor = staff[step.who === 'holder' ? HOLDERS[stage] : step.who];
          const request =
            stage === 'draft' && step.who === 'holder'
              ? ({ action: 'submit' } as const)
              : step.action === 'approve'
                ? ({ action: 'approve', opinion: 'Fine.' } as const)
                : step.action === 'return'
                  ? ({ action: 'return', to: 'draft', reason: 'Again.' } as const)
                  : ({ action: 'reopen', reason: 'Correction.' } as const);
          // Only what the rules allow is written, as the app would (stage as derived).
          const trial = room.logs.clone();
          room.act(actor, request, { contentHash: copy, stage });
          if (room.verify({ currentHash: copy }).blocked) room.logs = trial;
        }
        // The copy as last edited, or an earlier version of it.
        const current = HASHES[finalCopy] ?? copy;
        // Drop the newest records (everything after the `keep`-th in the log's order), then a few more from the end of some files.
        const ordered = room.verify({ currentHash: copy }).records;
        const keep = SIGN_OFF_RECORDS + (cut % (ordered.length - SIGN_OFF_RECORDS + 1));
        const kept = new Map<string, number>();
        for (const record of ordered.slice(0, keep)) kept.set(record.path, Math.max(kept.get(record.path) ?? 0, record.line));
        const files = room.logs.list(articleLogDir(ARTICLE));
        files.forEach((file, index) => room.logs.files.set(file.path, file.lines.slice(0, Math.max(0, (kept.get(file.path) ?? 0) - (drops[index % drops.length] ?? 0)))));

        const roster = room.roster();
        const verdict = room.verify({ currentHash: current, roster });
        const third = verdict.approvals.third;
        if (!verdict.signedOff) {
          // Not signed off only for a reason: a review missing, or given for another copy, or a damaged log.
          const fresh = (['first', 'second', 'third'] as const).every((stage) => verdict.review.approvals[stage]?.contentHash === current);
          expect(verdict.review.stage !== 'signed' || !fresh || verdict.blocked).toBe(true);
          return;
        }
        if (!third) throw new Error('signed off without a third review');
        expect(third.status).toBe('signed');
        expect((third.event as { action: string; contentHash: string }).action).toBe('approve');
        expect((third.event as { contentHash: string }).contentHash).toBe(current);
        expect(verdict.records).toContainEqual(third);
        const signer = roster.snapshot.roster.people.find((person) => person.id === third.by)!;
        expect(hasRole(signer, 'third')).toBe(true);
        for (const stage of ['first', 'second'] as const) expect(verdict.review.approvals[stage]).toMatchObject({ contentHash: current, stale: false });
        expect(new Set([verdict.approvals.first!.by, verdict.approvals.second!.by, third.by]).size).toBe(3);
        expect([verdict.approvals.first!.by, verdict.approvals.second!.by, third.by]).not.toContain(verdict.authorId);
      }),
      { numRuns: 40 },
    );
  });
});
