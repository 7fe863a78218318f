/**
 * The legacy (format-1) review records of an upgraded article, replayed before its signed ones.
 * Their roles at the time are unknown, so the rules are re-run with the roles taken as held;
 * everything else (stages, separation of duties, the author not reviewing) is checked.
 */
import type { Person } from '../review/people';
import type { ReviewRecord } from '../review/records';
import type { ArticleProblem, ArticleRecord, VerifyArticleInput } from './article-verdict';
import { checkLegacyFile, legacyReviewRecords } from './legacy';
import type { RosterSnapshot } from './roster';
import { applyItem, checkItem, startState, type ReplayItem, type ReplayState } from './review-replay';

export interface LegacyStart {
  state: ReplayState;
  byHash: Map<string, ArticleRecord>;
  lastHash: string | null;
}

/**
 * The state after the legacy records the roster attests for this article. Their roles at the
 * time are unknown, so the rules are re-run with the roles taken as held; everything else
 * (stages, separation of duties, the author not reviewing) is checked.
 */
export function legacyStart(input: VerifyArticleInput, problems: ArticleProblem[], records: ArticleRecord[]): LegacyStart {
  const attested = input.roster.snapshot.attestations.get(input.articleId);
  const out: LegacyStart = { state: startState(), byHash: new Map(), lastHash: null };
  if (!attested) return out;
  const base = input.roster.snapshotAt([attested.hash]) ?? input.roster.snapshot;
  out.state = startState(attested.attestation.authorId === '' ? null : attested.attestation.authorId);
  const folder = `articles/${input.articleId}`;
  let reviewsText = '';
  for (const file of attested.attestation.files) {
    const checked = checkLegacyFile(file, input.legacyFiles?.get(file.path) ?? null);
    if (!checked.ok) problems.push({ code: 'legacy-changed', path: `${folder}/${file.path}`, detail: checked.detail });
    else if (file.path === 'reviews.jsonl') reviewsText = checked.text;
  }
  const legacy = legacyReviewRecords(reviewsText);
  for (const problem of legacy.problems) problems.push({ code: 'legacy-damaged', path: `${folder}/reviews.jsonl`, detail: problem });
  legacy.records.forEach((record, index) => {
    const item = legacyItem(record, base);
    const check = checkItem(out.state, item);
    const status = check.ok ? 'unsigned-legacy' : 'rule-breaking';
    const verdict: ArticleRecord = {
      path: `${folder}/reviews.jsonl`,
      line: index + 1,
      hash: record.hash,
      kind: 'review',
      by: record.actorId,
      byName: record.actorName,
      at: record.at,
      status,
      keyid: null,
      fingerprint: null,
      ...(check.ok ? {} : { code: check.code, detail: check.detail }),
      event: record,
    };
    records.push(verdict);
    out.byHash.set(record.hash, verdict);
    if (check.ok) {
      out.state = applyItem(out.state, item);
      out.lastHash = record.hash;
    } else problems.push({ code: 'rule-breaking', path: verdict.path, line: verdict.line, detail: `${check.code}: ${check.detail}` });
  });
  return out;
}

function legacyItem(record: ReviewRecord, base: RosterSnapshot): ReplayItem {
  const person: Person = { id: record.actorId, name: record.actorName, roles: ['reporter', 'editor', 'second', 'third', 'admin'], active: true, createdAt: record.at };
  const people = [...base.roster.people.filter((other) => other.id !== person.id), person];
  return { hash: record.hash, kind: 'review', by: record.actorId, record, snapshot: { ...base, roster: { ...base.roster, people } } };
}
