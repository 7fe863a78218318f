import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enrolmentKeyPair, generateEnrolmentCode } from '../../../src/shared/identity/enrolment-code';
import { keyidOf, publicKeyRecord } from '../../../src/shared/identity/keys';
import type { RosterEvent } from '../../../src/shared/identity/roster-events';
import { ROLES, type Role } from '../../../src/shared/review/people';
import { Newsroom, signerOf, type Member } from '../../helpers/identity';

/** One roster event Mallory (a reporter) can sign, and how she writes it. */
const stepArb = fc.record({
  kind: fc.constantFrom('set-roles', 'add-person', 'set-active', 'revoke-key', 'enrol-claim', 'claim-other', 'genesis', 'set-policy', 'upgrade'),
  target: fc.constantFrom('mallory', 'wang', 'admin'),
  roles: fc.subarray([...ROLES] as Role[], { minLength: 1 }),
  /** Her own file, another desk of hers, or a file named for the admin. */
  file: fc.constantFrom('own', 'other-desk', 'as-admin'),
  parents: fc.constantFrom('heads', 'none', 'genesis-only'),
  /** Back-dated, now, or ahead. */
  at: fc.constantFrom(-10 * 86_400_000, 0, 3_600_000),
});

describe('the roster against a non-admin', () => {
  it('never lets a non-admin grant herself (or anyone) a role, whatever roster events she signs, on a desk that pinned the genesis', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
        const room = await Newsroom.start();
        const genesis = room.roster().genesis!.hash;
        const mallory = room.enrol('u-mallory01', 'Mallory', ['reporter']);
        room.enrol('u-wangli01', 'Wang Li', ['editor']);
        const before = room.roster('full', genesis);
        const ids: Record<string, string> = { mallory: mallory.id, wang: 'u-wangli01', admin: room.admin.id };

        for (const step of steps) {
          const writer: Member =
            step.file === 'own' ? mallory : step.file === 'other-desk' ? { ...mallory, desk: 'd-0000000dd2' } : { ...mallory, id: room.admin.id, desk: 'd-0000000dd3' };
          const parents = step.parents === 'heads' ? undefined : step.parents === 'none' ? [] : [genesis];
          const at = Date.parse(room.now()) + 60_000 + step.at;
          const target = ids[step.target]!;
          const write = (event: RosterEvent, extra: Parameters<Newsroom['rosterEvent']>[2] = {}) => room.rosterEvent(writer, event, { ...(parents ? { parents } : {}), at, ...extra });
          switch (step.kind) {
            case 'set-roles':
              write({ kind: 'set-roles', personId: target, roles: step.roles });
              break;
            case 'add-person':
              write({ kind: 'add-person', person: { id: 'u-sockpuppet', name: 'Sock Puppet', roles: step.roles } });
              break;
            case 'set-active':
              write({ kind: 'set-active', personId: target, active: false });
              break;
            case 'revoke-key':
              write({ kind: 'revoke-key', personId: target, keyid: room.members.get(target)?.keyid ?? room.admin.keyid, reason: 'x' });
              break;
            case 'enrol-claim':
            case 'claim-other': {
              // She makes her own enrolment key pair; she can sign a claim with it, but no admin enrolled it.
              const pair = enrolmentKeyPair(room.ed, generateEnrolmentCode(), target);
              const enrolmentKeyid = keyidOf(pair.publicKey);
              if (step.kind === 'enrol-claim') write({ kind: 'enrol', personId: target, enrolmentKey: publicKeyRecord(pair.publicKey), expiresAt: new Date(at + 86_400_000).toISOString() });
              write(
                { kind: 'claim', personId: writer.id, enrolmentKeyid, key: publicKeyRecord(mallory.keys.publicKey) },
                { signers: [{ keyid: enrolmentKeyid, secretKey: pair.secretKey }, signerOf(mallory)] },
              );
              break;
            }
            case 'genesis':
              write({ kind: 'genesis', workspaceId: 'ws-test', person: { id: writer.id, name: 'Mallory' }, key: publicKeyRecord(mallory.keys.publicKey) }, { parents: [] });
              break;
            case 'set-policy':
              write({ kind: 'set-policy', authorMayReview: true });
              break;
            case 'upgrade':
              write({ kind: 'upgrade', articles: [{ id: '20260301-aaaa000001', authorId: mallory.id, files: [] }] });
              break;
          }
        }

        for (const depth of ['heads', 'full'] as const) {
          const after = room.roster(depth, genesis);
          expect(after.people.map(({ id, roles, active }) => ({ id, roles, active }))).toEqual(before.people.map(({ id, roles, active }) => ({ id, roles, active })));
          expect(after.rootOfTrust).toEqual(before.rootOfTrust);
          expect(after.policy).toEqual(before.policy);
          expect(after.snapshot.attestations.size).toBe(0);
          expect([...after.keys.values()].filter((key) => key.personId === room.admin.id && key.until === null)).toHaveLength(1);
          const malloryKeys = after.people.find((p) => p.id === mallory.id)!.keys;
          expect(malloryKeys.map((key) => [key.keyid, key.until])).toEqual([[mallory.keyid, null]]);
        }
        // A desk new to the workspace may be shown her genesis first, but never without a warning.
        const unpinned = room.roster('full');
        if (unpinned.genesis?.hash !== genesis) expect(unpinned.ignored.map((item) => item.code)).toContain('second-genesis');
      }),
      { numRuns: 60 },
    );
  });
});
