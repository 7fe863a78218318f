import { describe, expect, it } from 'vitest';
import { attestFile } from '../../../src/shared/identity/legacy';
import { recordLine } from '../../../src/shared/review/record-lines';
import { sealRecord, type ReviewRecord, type UnsealedRecord } from '../../../src/shared/review/records';
import { ARTICLE, H1, Newsroom, type Member } from '../../helpers/identity';

function legacyLog(steps: Array<[Member, UnsealedRecord['action'], UnsealedRecord['stage']]>): string {
  const records: ReviewRecord[] = [];
  steps.forEach(([actor, action, stage], index) => {
    const unsealed: UnsealedRecord = { action, actorId: actor.id, actorName: actor.name, at: new Date(Date.UTC(2025, 0, 1, 8, index)).toISOString(), stage, opinion: action === 'approve' ? 'OK.' : '', contentHash: H1 };
    records.push(sealRecord(unsealed, records.at(-1)));
  });
  return records.map(recordLine).join('');
}

describe('format-1 records after the upgrade', () => {
  it('count as unsigned (before signatures) as far as the upgrade attests them, and signed records follow', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    const reviews = legacyLog([
      [people.author, 'submit', 'draft'],
      [people.editor, 'approve', 'first'],
      [people.second, 'approve', 'second'],
    ]);
    room.rosterEvent(room.admin, { kind: 'upgrade', articles: [{ id: ARTICLE, authorId: people.author.id, files: [attestFile('reviews.jsonl', reviews)] }] });
    const legacyFiles = new Map([['reviews.jsonl', reviews]]);
    const before = room.verify({ legacyFiles });
    expect(before.records.map((record) => record.status)).toEqual(['unsigned-legacy', 'unsigned-legacy', 'unsigned-legacy']);
    expect(before.review.stage).toBe('third');
    expect(before.authorId).toBe(people.author.id);

    room.act(people.third, { action: 'approve', opinion: 'Sign off.' }, { stage: 'third' });
    const after = room.verify({ legacyFiles });
    expect(after.records.map((record) => record.status)).toEqual(['unsigned-legacy', 'unsigned-legacy', 'unsigned-legacy', 'signed']);
    expect(after.signedOff).toBe(true);
    expect(after.approvals.first).toMatchObject({ status: 'unsigned-legacy', fingerprint: null });

    // A legacy file changed after the upgrade is reported, and the article is no longer signed off.
    const changed = new Map([['reviews.jsonl', reviews.replace('"OK."', '"Fine."')]]);
    const tampered = room.verify({ legacyFiles: changed });
    expect(tampered.blocked).toBe(true);
    expect(tampered.signedOff).toBe(false);
    expect(tampered.problems).toContainEqual(expect.objectContaining({ code: 'legacy-changed', path: `articles/${ARTICLE}/reviews.jsonl` }));
    expect(room.verify({ legacyFiles: new Map([['reviews.jsonl', null]]) }).problems[0]).toMatchObject({ code: 'legacy-changed', detail: expect.stringContaining('is gone') });
  });

  it('re-checks the rules on legacy records: an author approving is rule-breaking', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    const reviews = legacyLog([
      [people.author, 'submit', 'draft'],
      [people.author, 'approve', 'first'],
    ]);
    room.rosterEvent(room.admin, { kind: 'upgrade', articles: [{ id: ARTICLE, authorId: people.author.id, files: [attestFile('reviews.jsonl', reviews)] }] });
    const verdict = room.verify({ legacyFiles: new Map([['reviews.jsonl', reviews]]) });
    expect(verdict.records.map((record) => `${record.status}:${record.code ?? ''}`)).toEqual(['unsigned-legacy:', 'rule-breaking:author-cannot-review']);
    expect(verdict.blocked).toBe(true);
  });

  it('attests only complete lines', () => {
    expect(attestFile('reviews.jsonl', '{"a":1}\n{"b"')).toEqual(attestFile('reviews.jsonl', '{"a":1}\n'));
    expect(attestFile('reviews.jsonl', '').lines).toBe(0);
  });
});
