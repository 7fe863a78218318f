import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../src/shared/article/canonical';
import { recordHash, ReviewRecordSchema, sealRecord, verifyChain, ZERO_HASH, type ReviewRecord, type UnsealedRecord } from '../../../src/shared/review/records';
import { ALL_ROUNDER, AUTHOR, Desk, EDITOR, H1, H2, SECOND, THIRD } from './desk';

/** A full history: returned once, resubmitted, signed off and reopened. */
function history(): ReviewRecord[] {
  const desk = new Desk().submit().approve(EDITOR).approve(SECOND);
  desk.must(THIRD, { action: 'return', to: 'draft', reason: 'Check the figures.' });
  desk.edit(H2).submit().approve(EDITOR).approve(SECOND).approve(THIRD);
  desk.must(THIRD, { action: 'reopen', reason: 'A correction came in.' });
  return desk.records;
}

const unsealed: UnsealedRecord = {
  action: 'submit',
  actorId: AUTHOR.id,
  actorName: AUTHOR.name,
  at: '2025-05-01T08:00:00.000Z',
  stage: 'draft',
  opinion: '',
  contentHash: H1,
};

describe('sealRecord', () => {
  it('starts the chain at seq 0 after 64 zeros', () => {
    const first = sealRecord(unsealed, null);
    expect(first).toMatchObject({ seq: 0, prevHash: ZERO_HASH });
    expect(first.hash).toBe(sha256Hex(canonicalJson({ ...unsealed, seq: 0, prevHash: ZERO_HASH })));
    expect(ReviewRecordSchema.parse(first)).toEqual(first);
  });

  it('links each record to the one before', () => {
    const first = sealRecord(unsealed, undefined);
    const second = sealRecord({ ...unsealed, action: 'withdraw', stage: 'first' }, first);
    expect(second).toMatchObject({ seq: 1, prevHash: first.hash });
    expect(second.hash).toBe(recordHash(second));
    expect(verifyChain([first, second])).toEqual({ ok: true });
  });

  it('hashes the same record the same way whatever its key order', () => {
    const record = sealRecord(unsealed, null);
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as ReviewRecord;
    expect(recordHash(reordered)).toBe(record.hash);
  });
});

describe('ReviewRecordSchema', () => {
  const sealed = (change: Partial<UnsealedRecord>) => sealRecord({ ...unsealed, ...change }, null);

  it.each<[string, Partial<UnsealedRecord>]>([
    ['a submit outside the draft', { stage: 'second' }],
    ['an approval without an opinion', { action: 'approve', stage: 'first', opinion: '  ' }],
    ['an approval at the draft', { action: 'approve', stage: 'draft', opinion: 'ok' }],
    ['a return without a reason', { action: 'return', stage: 'second', to: 'draft', opinion: '' }],
    ['a return without a target', { action: 'return', stage: 'second', opinion: 'why' }],
    ['a return to the same review', { action: 'return', stage: 'second', to: 'second', opinion: 'why' }],
    ['a return forward', { action: 'return', stage: 'first', to: 'second', opinion: 'why' }],
    ['a target on an approval', { action: 'approve', stage: 'first', to: 'draft', opinion: 'ok' }],
    ['a reopen before sign-off', { action: 'reopen', stage: 'third', opinion: 'why' }],
    ['a withdraw after the first review', { action: 'withdraw', stage: 'second' }],
    ['an unknown action', { action: 'publish' as 'submit' }],
    ['a bad content hash', { contentHash: 'abc' }],
    ['a bad person id', { actorId: 'wang' }],
  ])('refuses %s', (_what, change) => {
    expect(ReviewRecordSchema.safeParse(sealed(change)).success).toBe(false);
  });

  it('accepts every action where it belongs', () => {
    expect(verifyChain(history())).toEqual({ ok: true });
    expect(new Set(history().map((r) => r.action))).toEqual(new Set(['submit', 'approve', 'return', 'reopen']));
  });
});

describe('verifyChain', () => {
  it('accepts an empty log', () => {
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('finds an altered opinion', () => {
    const records = history();
    records[2] = { ...records[2]!, opinion: 'Looks fine to me.' };
    expect(verifyChain(records)).toMatchObject({ ok: false, index: 2, problem: 'hash-mismatch' });
  });

  it('finds an altered content hash', () => {
    const records = history();
    records[3] = { ...records[3]!, contentHash: H2 };
    expect(verifyChain(records)).toMatchObject({ ok: false, index: 3, problem: 'hash-mismatch' });
  });

  it('finds an altered actor, even when the record was resealed, at the next link', () => {
    const records = history();
    const forged = { ...records[1]!, actorId: ALL_ROUNDER.id, actorName: ALL_ROUNDER.name };
    records[1] = { ...forged, hash: recordHash(forged) };
    expect(verifyChain(records)).toMatchObject({ ok: false, index: 2, problem: 'broken-link' });
  });

  it('finds a removed record', () => {
    const records = history();
    records.splice(3, 1);
    expect(verifyChain(records)).toMatchObject({ ok: false, index: 3, problem: 'wrong-seq' });
    expect(verifyChain(history().slice(1))).toMatchObject({ ok: false, index: 0, problem: 'wrong-seq' });
  });

  it('finds reordered records', () => {
    const records = history();
    [records[4], records[5]] = [records[5]!, records[4]!];
    expect(verifyChain(records)).toMatchObject({ ok: false, index: 4, problem: 'wrong-seq' });
  });

  it('finds a record renumbered to hide a removal', () => {
    const records = history();
    records.splice(2, 1);
    const renumbered = { ...records[2]!, seq: 2 };
    records[2] = { ...renumbered, hash: recordHash(renumbered) };
    expect(verifyChain(records)).toMatchObject({ ok: false, index: 2, problem: 'broken-link' });
  });

  it('finds a record that is not a valid record', () => {
    const records: unknown[] = history();
    expect(verifyChain([...records.slice(0, 2), 'nonsense'])).toMatchObject({ ok: false, index: 2, problem: 'invalid-record' });
    expect(verifyChain([...records.slice(0, 2), { ...(records[2] as object), note: 'extra' }])).toMatchObject({ ok: false, index: 2, problem: 'invalid-record' });
    const { opinion: _dropped, ...withoutOpinion } = records[1] as ReviewRecord;
    const result = verifyChain([records[0], withoutOpinion]);
    expect(result).toMatchObject({ ok: false, index: 1, problem: 'invalid-record' });
    expect(!result.ok && result.detail).toMatch(/opinion/);
  });
});

describe('approvals given over Recommended findings', () => {
  const approval: UnsealedRecord = { ...unsealed, action: 'approve', stage: 'first', actorId: EDITOR.id, actorName: EDITOR.name, opinion: 'Fine.' };

  it('still verifies a log written before the field existed, hash for hash', async () => {
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { PROJECT_ROOT } = await import('../../helpers/paths');
    const text = await readFile(join(PROJECT_ROOT, 'test/fixtures/review/reviews-2025-05.jsonl'), 'utf8');
    const records = text.trim().split('\n').map((line) => JSON.parse(line) as ReviewRecord);
    expect(records.map((r) => r.action)).toEqual(['submit', 'approve', 'approve', 'approve']);
    expect(records.every((r) => !('overRecommended' in r))).toBe(true);
    expect(verifyChain(records)).toEqual({ ok: true });
  });

  it('seals the count into the hash, so changing it afterwards breaks the chain', () => {
    const first = sealRecord(unsealed, null);
    const over = sealRecord({ ...approval, overRecommended: 3 }, first);
    expect(verifyChain([first, over])).toEqual({ ok: true });
    expect(over.hash).not.toBe(sealRecord(approval, first).hash);
    expect(verifyChain([first, { ...over, overRecommended: 1 }])).toMatchObject({ ok: false, index: 1, problem: 'hash-mismatch' });
  });

  it('allows the count on approvals only, and only a positive whole number', () => {
    const first = sealRecord(unsealed, null);
    expect(verifyChain([sealRecord({ ...unsealed, overRecommended: 2 }, null)])).toMatchObject({ ok: false, problem: 'invalid-record' });
    expect(verifyChain([first, sealRecord({ ...approval, overRecommended: 0 }, first)])).toMatchObject({ ok: false, problem: 'invalid-record' });
    expect(verifyChain([first, sealRecord({ ...approval, overRecommended: 1.5 }, first)])).toMatchObject({ ok: false, problem: 'invalid-record' });
  });
});
