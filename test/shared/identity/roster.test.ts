import { describe, expect, it } from 'vitest';
import { enrolmentKeyPair, generateEnrolmentCode } from '../../../src/shared/identity/enrolment-code';
import { keyidOf, publicKeyRecord } from '../../../src/shared/identity/keys';
import { ROSTER_DIR } from '../../../src/shared/identity/layout';
import { logFileName } from '../../../src/shared/identity/log-files';
import { DEPTHS } from '../../../src/shared/identity/signatures';
import { verifyRoster } from '../../../src/shared/identity/verify-roster';
import { Newsroom, payloadOf, tamperPayload } from '../../helpers/identity';

const adminFile = (room: Newsroom) => `${ROSTER_DIR}/${logFileName(room.admin.id, room.admin.desk)}`;
const rolesOf = (room: Newsroom, id: string, depth: 'heads' | 'full' = 'full') => room.roster(depth).people.find((person) => person.id === id)?.roles;

describe('the roster', () => {
  it('makes the first person of a workspace its first admin, whose key is the root of trust', async () => {
    const room = await Newsroom.start();
    const roster = room.roster();
    expect(roster.people).toMatchObject([{ id: room.admin.id, name: 'Sun Hua', roles: ['reporter', 'admin'], active: true }]);
    expect(roster.rootOfTrust).toEqual([roster.people[0]!.keys[0]!.fingerprint]);
    expect(roster.admins).toEqual([{ id: room.admin.id, name: 'Sun Hua', fingerprints: roster.rootOfTrust }]);
    expect(roster.genesis).toMatchObject({ workspaceId: 'ws-test', path: adminFile(room), line: 1 });
    expect(roster.ignored).toEqual([]);
  });

  it('enrols a person with a code only they type: the admin never holds their key', async () => {
    const room = await Newsroom.start();
    const wang = room.enrol('u-wangli01', 'Wang Li', ['editor']);
    const roster = room.roster();
    const person = roster.people.find((p) => p.id === wang.id)!;
    expect(person.roles).toEqual(['editor']);
    expect(person.keys.map((key) => key.keyid)).toEqual([wang.keyid]);
    expect(person.keys[0]!.until).toBeNull();
    expect(roster.ignored).toEqual([]);
  });

  it('detects a hand edit that grants a role, ignores it and names the file, at either depth', async () => {
    const room = await Newsroom.start();
    room.enrol('u-wangli01', 'Wang Li', ['editor']);
    room.enrol('u-zhaomin01', 'Zhao Min', ['second']);
    const path = adminFile(room);
    const lines = room.logs.lines(path);
    const index = lines.findIndex((line) => (payloadOf(line).event as { kind: string; person?: { id: string } }).person?.id === 'u-wangli01');
    room.logs.files.set(
      path,
      lines.map((line, i) => (i === index ? tamperPayload(line, (payload) => ((payload.event as { person: { roles: string[] } }).person.roles = ['editor', 'admin'])) : line)),
    );
    for (const depth of DEPTHS) {
      const roster = room.roster(depth);
      expect(rolesOf(room, 'u-wangli01', depth) ?? []).not.toContain('admin');
      expect(roster.admins.map((admin) => admin.id)).toEqual([room.admin.id]);
      const bad = roster.ignored.find((item) => item.code === 'bad-signature');
      expect(bad?.path).toBe(path);
      expect(bad?.detail).toContain(path);
    }
    // Full depth names the edited line itself.
    expect(room.roster('full').ignored.find((item) => item.code === 'bad-signature')?.line).toBe(index + 1);
  });

  it('ignores a line added by hand to the admin’s file, and a file written in someone else’s name', async () => {
    const room = await Newsroom.start();
    const mallory = room.enrol('u-mallory01', 'Mallory', ['reporter']);
    const path = adminFile(room);
    // Mallory signs, with her own key, an event placed in the admin's file.
    const forged = tamperPayload(room.logs.lines(path).at(-1)!, () => undefined);
    room.logs.append(path, forged); // a copy: wrong seq and link
    const roster = room.roster();
    expect(roster.ignored.map((item) => [item.path, item.code])).toContainEqual([path, 'wrong-seq']);

    room.logs.files.set(path, room.logs.lines(path).slice(0, -1));
    const impostor = { ...mallory, id: room.admin.id, desk: 'd-ffffffffff' };
    room.rosterEvent(impostor, { kind: 'set-roles', personId: mallory.id, roles: ['reporter', 'admin'] });
    const after = room.roster();
    expect(after.people.find((p) => p.id === mallory.id)!.roles).toEqual(['reporter']);
    expect(after.ignored).toEqual([expect.objectContaining({ path: `${ROSTER_DIR}/${logFileName(room.admin.id, 'd-ffffffffff')}`, code: 'key-not-valid' })]);
  });

  it('refuses roster changes signed by someone who is not an admin', async () => {
    const room = await Newsroom.start();
    const mallory = room.enrol('u-mallory01', 'Mallory', ['reporter']);
    room.rosterEvent(mallory, { kind: 'set-roles', personId: mallory.id, roles: ['reporter', 'third', 'admin'] });
    room.rosterEvent(mallory, { kind: 'add-person', person: { id: 'u-sockpuppet', name: 'Sock', roles: ['admin'] } });
    const roster = room.roster();
    expect(rolesOf(room, mallory.id)).toEqual(['reporter']);
    expect(roster.people.map((p) => p.id)).not.toContain('u-sockpuppet');
    expect(roster.ignored.map((item) => item.code)).toEqual(['not-admin', 'not-admin']);
  });

  it('keeps the last active admin', async () => {
    const room = await Newsroom.start();
    room.rosterEvent(room.admin, { kind: 'set-roles', personId: room.admin.id, roles: ['reporter'] });
    room.rosterEvent(room.admin, { kind: 'set-active', personId: room.admin.id, active: false });
    room.rosterEvent(room.admin, { kind: 'revoke-key', personId: room.admin.id, keyid: room.admin.keyid, reason: 'test' });
    const roster = room.roster();
    expect(roster.admins.map((admin) => admin.id)).toEqual([room.admin.id]);
    expect(roster.ignored.map((item) => item.code)).toEqual(['last-admin', 'last-admin', 'last-admin-key']);
  });

  it('refuses a name that hides characters or looks like one already on the roster', async () => {
    const room = await Newsroom.start();
    room.enrol('u-wangli01', 'Wang Li', ['editor']);
    room.rosterEvent(room.admin, { kind: 'add-person', person: { id: 'u-wangli02', name: 'W\u0430ng Li', roles: ['third'] } });
    room.rosterEvent(room.admin, { kind: 'add-person', person: { id: 'u-wangli03', name: 'Wang\u200bLi', roles: ['third'] } });
    room.rosterEvent(room.admin, { kind: 'add-person', person: { id: 'u-wangli04', name: 'Ｗａｎｇ Ｌｉ', roles: ['third'] } });
    const roster = room.roster();
    expect(roster.people.map((p) => p.id)).toEqual([room.admin.id, 'u-wangli01']);
    expect(roster.ignored.map((item) => item.code)).toEqual(['name-refused', 'name-refused', 'name-refused']);
  });

  it('voids an enrolment claimed twice (the code leaked), and one claimed after it expired', async () => {
    const room = await Newsroom.start();
    const wang = room.member('u-wangli01', 'Wang Li');
    room.rosterEvent(room.admin, { kind: 'add-person', person: { id: wang.id, name: wang.name, roles: ['editor'] } });
    const code = generateEnrolmentCode();
    const enrolment = enrolmentKeyPair(room.ed, code, wang.id);
    const enrolmentKeyid = keyidOf(enrolment.publicKey);
    room.rosterEvent(room.admin, { kind: 'enrol', personId: wang.id, enrolmentKey: publicKeyRecord(enrolment.publicKey), expiresAt: new Date(Date.parse(room.now()) + 3_600_000).toISOString() });
    const claim = (member: typeof wang) =>
      room.rosterEvent(member, { kind: 'claim', personId: wang.id, enrolmentKeyid, key: publicKeyRecord(member.keys.publicKey) }, { extraSigners: [{ keyid: enrolmentKeyid, secretKey: enrolment.secretKey }] });
    claim(wang);
    const thief = { ...room.member('u-thief0001', 'Thief'), id: wang.id, desk: 'd-eeeeeeeeee' };
    claim(thief);
    const roster = room.roster();
    expect(roster.people.find((p) => p.id === wang.id)!.keys).toEqual([]);
    expect(roster.ignored.map((item) => item.code)).toEqual(['claimed-twice', 'claimed-twice']);

    const late = await Newsroom.start();
    const zhao = late.member('u-zhaomin01', 'Zhao Min');
    late.rosterEvent(late.admin, { kind: 'add-person', person: { id: zhao.id, name: zhao.name, roles: ['second'] } });
    const lateCode = enrolmentKeyPair(late.ed, generateEnrolmentCode(), zhao.id);
    late.rosterEvent(late.admin, { kind: 'enrol', personId: zhao.id, enrolmentKey: publicKeyRecord(lateCode.publicKey), expiresAt: new Date(Date.parse(late.now()) + 300_000).toISOString() });
    late.tick(3_600_000);
    late.rosterEvent(
      zhao,
      { kind: 'claim', personId: zhao.id, enrolmentKeyid: keyidOf(lateCode.publicKey), key: publicKeyRecord(zhao.keys.publicKey) },
      { extraSigners: [{ keyid: keyidOf(lateCode.publicKey), secretKey: lateCode.secretKey }] },
    );
    expect(late.roster().ignored.map((item) => item.code)).toEqual(['enrolment-expired']);
  });

  it('refuses a claim signed without the enrolment key', async () => {
    const room = await Newsroom.start();
    const wang = room.member('u-wangli01', 'Wang Li');
    room.rosterEvent(room.admin, { kind: 'add-person', person: { id: wang.id, name: wang.name, roles: ['editor'] } });
    const enrolment = enrolmentKeyPair(room.ed, generateEnrolmentCode(), wang.id);
    room.rosterEvent(room.admin, { kind: 'enrol', personId: wang.id, enrolmentKey: publicKeyRecord(enrolment.publicKey), expiresAt: new Date(Date.parse(room.now()) + 3_600_000).toISOString() });
    room.rosterEvent(wang, { kind: 'claim', personId: wang.id, enrolmentKeyid: keyidOf(enrolment.publicKey), key: publicKeyRecord(wang.keys.publicKey) });
    expect(room.roster().ignored.map((item) => item.code)).toEqual(['key-not-valid']);
  });

  it('ignores a second genesis with a warning; a desk that pinned the first one keeps it whatever the times say', async () => {
    const room = await Newsroom.start();
    const genesis = room.roster().genesis!.hash;
    room.enrol('u-wangli01', 'Wang Li', ['editor']);
    const mallory = room.member('u-mallory01', 'Mallory');
    room.rosterEvent(
      mallory,
      { kind: 'genesis', workspaceId: 'ws-test', person: { id: mallory.id, name: mallory.name }, key: publicKeyRecord(mallory.keys.publicKey) },
      { at: Date.parse('2020-01-01T00:00:00.000Z') },
    );
    const pinned = room.roster('full', genesis);
    expect(pinned.genesis?.hash).toBe(genesis);
    expect(pinned.admins.map((admin) => admin.id)).toEqual([room.admin.id]);
    expect(pinned.ignored.map((item) => item.code)).toEqual(['not-pinned-genesis']);
    // Unpinned, the earlier genesis wins the order; the real one is reported as a second genesis, loudly.
    const unpinned = room.roster('full');
    expect(unpinned.ignored.map((item) => item.code)).toContain('second-genesis');
  });

  it('leaves events whose parents have not synced yet pending', async () => {
    const room = await Newsroom.start();
    room.rosterEvent(room.admin, { kind: 'add-person', person: { id: 'u-wangli01', name: 'Wang Li', roles: ['editor'] } }, { parents: ['ab'.repeat(32)] });
    const roster = room.roster();
    expect(roster.pending).toEqual([{ path: adminFile(room), line: 2, missing: 'ab'.repeat(32) }]);
    expect(roster.people.map((p) => p.id)).toEqual([room.admin.id]);
  });
});

describe('roster records that disappear', () => {
  it('are reported by a desk that had seen them: a deleted revocation does not quietly revive a key', async () => {
    const room = await Newsroom.start();
    const wang = room.enrol('u-wangli01', 'Wang Li', ['editor']);
    room.rosterEvent(room.admin, { kind: 'revoke-key', personId: wang.id, keyid: wang.keyid, reason: 'Laptop lost.' });
    const seen = room.roster().seen;
    const path = `${ROSTER_DIR}/${logFileName(room.admin.id, room.admin.desk)}`;
    room.logs.files.set(path, room.logs.lines(path).slice(0, -1));
    const after = verifyRoster({ ed: room.ed, files: room.logs.list(ROSTER_DIR), depth: 'heads', seen });
    expect(after.keys.get(wang.keyid)?.until).toBeNull();
    expect(after.lost).toEqual([{ path, seen: 4, now: 3, changed: false }]);
    expect(after.problems).toEqual([`this desk had seen 4 records in ${path}; it now has 3`]);
    expect(after.seen).toEqual(seen);
  });
});
