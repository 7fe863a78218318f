import { sha256Hex } from '../../../src/shared/article/canonical';
import { applyAction, checkAction, deriveReviewState, type ActionContext, type ReviewRequest } from '../../../src/shared/review/chain';
import type { Person, Role } from '../../../src/shared/review/people';
import { sealRecord, type ReviewRecord } from '../../../src/shared/review/records';

/** Test fixtures: a small newsroom and an article's review log driven through the real rules. */

export const H1 = sha256Hex('version one');
export const H2 = sha256Hex('version two');
export const H3 = sha256Hex('version three');

export function person(id: string, name: string, roles: Role[], active = true): Person {
  return { id, name, roles, active, createdAt: '2025-01-01T00:00:00.000Z' };
}

export const AUTHOR = person('u-linxiaolan', 'Lin Xiaolan', ['reporter']);
export const EDITOR = person('u-wangli01', 'Wang Li', ['editor']);
export const SECOND = person('u-zhaomin01', 'Zhao Min', ['second']);
export const THIRD = person('u-chenjie01', 'Chen Jie', ['third']);
export const ADMIN = person('u-sunadmin', 'Sun Hua', ['admin']);
/** Holds every review role, so only separation of duties stops them. */
export const ALL_ROUNDER = person('u-liuyang01', 'Liu Yang', ['editor', 'second', 'third']);
export const EDITOR_2 = person('u-heping01', '何平', ['editor']);

export type Extra = Partial<Pick<ActionContext, 'policy' | 'roster'>>;

export class Desk {
  readonly records: ReviewRecord[] = [];
  private clock = Date.parse('2025-05-01T08:00:00.000Z');

  constructor(
    readonly authorId: string = AUTHOR.id,
    public currentHash: string = H1,
  ) {}

  get state() {
    return deriveReviewState({ records: this.records, authorId: this.authorId, currentHash: this.currentHash });
  }

  edit(hash: string): this {
    this.currentHash = hash;
    return this;
  }

  check(actor: Person, action: ReviewRequest, extra: Extra = {}) {
    return checkAction({ state: this.state, records: this.records, actor, action, ...extra });
  }

  /** Applies the action if the rules allow it; returns the result either way. */
  act(actor: Person, action: ReviewRequest, extra: Extra = {}) {
    this.clock += 60_000;
    const result = applyAction({ state: this.state, records: this.records, actor, action, at: new Date(this.clock), ...extra });
    if (result.ok) this.records.push(sealRecord(result.record, this.records.at(-1)));
    return result;
  }

  /** Applies an action that must be allowed. */
  must(actor: Person, action: ReviewRequest, extra: Extra = {}): this {
    const result = this.act(actor, action, extra);
    if (!result.ok) throw new Error(`refused ${action.action} by ${actor.name}: ${result.reason.code} ${JSON.stringify(result.reason.params)}`);
    return this;
  }

  submit(actor: Person = AUTHOR): this {
    return this.must(actor, { action: 'submit' });
  }

  approve(actor: Person, opinion = 'Fine.'): this {
    return this.must(actor, { action: 'approve', opinion });
  }

  /** Draft to signed with the usual three reviewers. */
  signOff(): this {
    return this.submit().approve(EDITOR).approve(SECOND).approve(THIRD);
  }
}
