import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/shared/article/canonical';
import { applyAction, checkAction, deriveReviewState, DEFAULT_REVIEW_POLICY, type ReviewPolicy, type ReviewRequest, type ReviewState } from '../../../src/shared/review/chain';
import { emptyRoster, hasRole, ROLES, type Person, type Role, type Roster } from '../../../src/shared/review/people';
import { parseRecordLines, recordLine } from '../../../src/shared/review/record-lines';
import { sealRecord, verifyChain, type ReviewRecord } from '../../../src/shared/review/records';
import { REVIEW_STAGES, roleForStage, type ReviewStage } from '../../../src/shared/review/stages';

/** Four versions of the copy; an edit may also go back to an earlier one. */
const HASHES = ['a', 'b', 'c', 'd'].map(sha256Hex);

interface PersonSpec {
  roles: Role[];
  active: boolean;
}

const personArb: fc.Arbitrary<PersonSpec> = fc.record({
  roles: fc.subarray([...ROLES]),
  active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
});

const stepArb = fc.record({
  actor: fc.nat({ max: 5 }),
  kind: fc.oneof(
    { arbitrary: fc.constant('approve' as const), weight: 8 },
    { arbitrary: fc.constant('submit' as const), weight: 3 },
    { arbitrary: fc.constant('return' as const), weight: 2 },
    { arbitrary: fc.constant('withdraw' as const), weight: 1 },
    { arbitrary: fc.constant('reopen' as const), weight: 1 },
  ),
  to: fc.constantFrom('draft' as const, 'first' as const, 'second' as const),
  text: fc.oneof({ arbitrary: fc.constant('Reviewed.'), weight: 5 }, { arbitrary: fc.constantFrom('', '  '), weight: 1 }),
  /** Now and then the copy is edited before the step. */
  edit: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.nat({ max: HASHES.length - 1 }), weight: 1 }),
});

/** A newsroom where every review has at least two people, plus random extra roles. */
const STAFFING: Role[][] = [['reporter'], ['editor'], ['editor', 'second'], ['second', 'third'], ['third'], ['admin', 'third']];
const staffedArb: fc.Arbitrary<PersonSpec[]> = fc.tuple(
  ...STAFFING.map((base) =>
    fc.record({
      roles: fc.subarray([...ROLES]).map((extra) => ROLES.filter((role) => base.includes(role) || extra.includes(role))),
      active: fc.constant(true),
    }),
  ),
);

const scenarioArb = fc.record({
  people: fc.oneof(fc.array(personArb, { minLength: 6, maxLength: 6 }), staffedArb),
  author: fc.nat({ max: 5 }),
  steps: fc.array(stepArb, { minLength: 20, maxLength: 150, size: 'max' }),
});

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Step = ValueOf<typeof stepArb>;
type Scenario = ValueOf<typeof scenarioArb>;

function request(step: Step): ReviewRequest {
  switch (step.kind) {
    case 'submit':
    case 'withdraw':
      return { action: step.kind, note: step.text };
    case 'approve':
      return { action: 'approve', opinion: step.text };
    case 'return':
      return { action: 'return', to: step.to, reason: step.text };
    case 'reopen':
      return { action: 'reopen', reason: step.text };
  }
}

interface Run {
  roster: Roster;
  author: Person;
  records: ReviewRecord[];
  /** Every state seen, with the hash of the copy at that moment. */
  states: ReviewState[];
  signOffs: number;
}

function play(scenario: Scenario, policy: ReviewPolicy): Run {
  const people: Person[] = scenario.people.map((p, i) => ({ id: `u-person${i}`, name: `Person ${i}`, roles: p.roles, active: p.active, createdAt: '2025-01-01T00:00:00.000Z' }));
  const roster: Roster = { ...emptyRoster(), people };
  const author = people[scenario.author]!;
  const run: Run = { roster, author, records: [], states: [], signOffs: 0 };
  let currentHash = HASHES[0]!;
  let clock = Date.parse('2025-05-01T08:00:00.000Z');
  const derive = () => deriveReviewState({ records: run.records, authorId: author.id, currentHash });

  for (const step of scenario.steps) {
    if (step.edit !== undefined) currentHash = HASHES[step.edit]!;
    const state = derive();
    const actor = people[step.actor]!;
    const context = { state, records: run.records, actor, action: request(step), policy, roster };
    const checked = checkAction(context);
    const applied = applyAction({ ...context, at: new Date((clock += 60_000)) });
    expect(applied.ok).toBe(checked.ok);
    if (!applied.ok) continue;
    expect(applied.record.stage).toBe(state.stage);
    run.records.push(sealRecord(applied.record, run.records.at(-1)));
    const after = derive();
    run.states.push(after);
    if (after.stage === 'signed' && state.stage !== 'signed') {
      run.signOffs++;
      expect(step.kind).toBe('approve');
      expect(after.signedOff).toBe(true);
      for (const stage of REVIEW_STAGES) expect(after.approvals[stage]?.contentHash).toBe(currentHash);
    }
  }
  return run;
}

function checkSignedStates(run: Run, policy: ReviewPolicy): void {
  for (const state of run.states) {
    if (state.stage !== 'signed') continue;
    const approvals = REVIEW_STAGES.map((stage) => state.approvals[stage]!);
    expect(new Set(approvals.map((a) => a.actorId)).size).toBe(3);
    if (!policy.authorMayReview) expect(approvals.map((a) => a.actorId)).not.toContain(run.author.id);
    REVIEW_STAGES.forEach((stage, i) => {
      const approver = run.roster.people.find((p) => p.id === approvals[i]!.actorId)!;
      expect(hasRole(approver, roleForStage(stage))).toBe(true);
      expect(approver.active).toBe(true);
    });
    // All three approved the copy as it was at sign-off.
    expect(new Set(approvals.map((a) => a.contentHash)).size).toBe(1);
  }
}

function checkHistory(run: Run, policy: ReviewPolicy): void {
  expect(verifyChain(run.records)).toEqual({ ok: true });

  const stagesApprovedBy = new Map<string, Set<ReviewStage>>();
  for (const record of run.records) {
    const actor = run.roster.people.find((p) => p.id === record.actorId)!;
    expect(actor.active).toBe(true);
    if (record.action === 'approve' || record.action === 'return') {
      expect(hasRole(actor, roleForStage(record.stage as ReviewStage))).toBe(true);
      if (!policy.authorMayReview) expect(record.actorId).not.toBe(run.author.id);
    }
    if (record.action === 'approve') {
      const stages = stagesApprovedBy.get(record.actorId) ?? new Set();
      stages.add(record.stage as ReviewStage);
      stagesApprovedBy.set(record.actorId, stages);
    }
  }
  for (const stages of stagesApprovedBy.values()) expect(stages.size).toBe(1);

  const args = { records: run.records, authorId: run.author.id, currentHash: HASHES[1]! };
  const again = { ...args, records: parseRecordLines(run.records.map(recordLine).join('')).records };
  expect(deriveReviewState(args)).toEqual(deriveReviewState(structuredClone(args)));
  expect(deriveReviewState(again)).toEqual(deriveReviewState(args));
}

describe('the review chain under random use', () => {
  it('keeps every newsroom rule with the default policy', () => {
    let signedRuns = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const run = play(scenario, DEFAULT_REVIEW_POLICY);
        if (run.signOffs > 0) signedRuns++;
        checkSignedStates(run, DEFAULT_REVIEW_POLICY);
        checkHistory(run, DEFAULT_REVIEW_POLICY);
      }),
      { numRuns: 200 },
    );
    // The generator must actually reach sign-off, or the invariants above would test little.
    expect(signedRuns).toBeGreaterThan(10);
  });

  it('keeps separation of duties when authors may review', () => {
    const policy = { authorMayReview: true };
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const run = play(scenario, policy);
        checkSignedStates(run, policy);
        checkHistory(run, policy);
      }),
      { numRuns: 200 },
    );
  });

  it('ends every successful action in the stage its record implies', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const run = play(scenario, DEFAULT_REVIEW_POLICY);
        run.records.forEach((record, i) => {
          const stage = run.states[i]!.stage;
          if (record.action === 'submit' || record.action === 'reopen') expect(stage).toBe('first');
          if (record.action === 'withdraw') expect(stage).toBe('draft');
          if (record.action === 'return') expect(stage).toBe(record.to);
          if (record.action === 'approve') expect(['second', 'third', 'signed']).toContain(stage);
          if (record.action === 'approve' && record.stage === 'third') expect(stage).toBe('signed');
        });
      }),
      { numRuns: 200 },
    );
  });
});
