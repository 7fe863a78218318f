import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../../../src/shared/identity/bytes';
import { readLeaseFiles, type LeaseFile } from '../../../src/shared/leases/claims';
import { leaseFileName, type LeasePayload } from '../../../src/shared/leases/lease-file';
import { holderOf } from '../../../src/shared/leases/lease-rule';
import { leaseText } from '../../../src/shared/leases/sign-lease';
import { ARTICLE, Newsroom, signerOf, type Member } from '../../helpers/identity';

let room: Newsroom;
let wang: Member;
let lin: Member;
const AT = '2026-03-01T10:02:00.000Z';
const NOW = Date.parse(AT) + 10_000;

function payload(member: Member, overrides: Partial<LeasePayload> = {}): LeasePayload {
  return { v: 1, by: member.id, desk: member.desk, deskName: 'DESK-7', at: AT, leases: [{ article: ARTICLE, since: AT, heartbeat: AT }], ...overrides };
}

function file(member: Member, body: LeasePayload = payload(member), signer = member): LeaseFile {
  return { name: leaseFileName(member.id, member.desk), text: leaseText(room.ed, body, signerOf(signer)) };
}

const read = (files: LeaseFile[]) => readLeaseFiles(room.ed, files, { keys: room.roster().keys, roster: room.roster().snapshot.roster });

beforeAll(async () => {
  room = await Newsroom.start();
  const staff = room.staff();
  wang = staff.editor;
  lin = staff.author;
});

describe('lease files', () => {
  it('a signed lease names who edits which article, at which desk, since when', () => {
    const reading = read([file(wang)]);
    expect(reading.ignored).toEqual([]);
    expect(reading.claims).toEqual([expect.objectContaining({ article: ARTICLE, by: wang.id, desk: wang.desk, deskName: 'DESK-7', since: AT, takenFrom: null })]);
    expect(holderOf(reading.claims, ARTICLE, NOW)?.by).toBe(wang.id);
  });

  it('a lease signed by another person’s key is ignored and reported: nobody can fake "Wang Li is editing"', () => {
    const forged = file(wang, payload(wang), lin);
    const reading = read([forged]);
    expect(reading.claims).toEqual([]);
    expect(reading.ignored).toEqual([{ file: `leases/${forged.name}`, problem: 'not signed by a key of the person it names' }]);
    expect(holderOf(reading.claims, ARTICLE, NOW)).toBeNull();
  });

  it('a lease whose payload was changed after signing is ignored and reported', () => {
    const honest = file(wang);
    const envelope = JSON.parse(honest.text) as { payload: string };
    const changed = JSON.parse(fromUtf8(fromBase64(envelope.payload)!)) as LeasePayload;
    changed.leases[0]!.since = '2026-03-01T09:00:00.000Z';
    const text = JSON.stringify({ ...envelope, payload: toBase64(utf8(JSON.stringify(changed))) });
    const reading = read([{ name: honest.name, text }]);
    expect(reading.claims).toEqual([]);
    expect(reading.ignored[0]?.problem).toBe('the signature does not verify');
  });

  it('a lease copied to another person’s file name, or naming another desk, is ignored', () => {
    const copied = { ...file(wang), name: leaseFileName(lin.id, lin.desk) };
    const otherDesk = file(wang, payload(wang, { desk: 'd-ffffffffff' }));
    const reading = read([copied, otherDesk]);
    expect(reading.claims).toEqual([]);
    expect(reading.ignored.map((entry) => entry.problem)).toEqual(['the lease names another person or desk than its file', 'the lease names another person or desk than its file']);
  });

  it('damaged and stray files are reported, and the good ones still count', () => {
    const reading = read([{ name: leaseFileName(lin.id, lin.desk), text: '{"payloadType":' }, { name: 'notes.txt', text: 'hello' }, file(wang)]);
    expect(reading.claims.map((claim) => claim.by)).toEqual([wang.id]);
    expect(reading.ignored.map((entry) => entry.file).sort()).toEqual(['leases/notes.txt', `leases/${leaseFileName(lin.id, lin.desk)}`]);
  });

  it('a heartbeat later than the file was written is refused', () => {
    const reading = read([file(wang, payload(wang, { leases: [{ article: ARTICLE, since: AT, heartbeat: '2026-03-01T10:05:00.000Z' }] }))]);
    expect(reading.ignored[0]?.problem).toMatch(/out of order/);
  });
});
