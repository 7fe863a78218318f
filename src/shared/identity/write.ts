/** Building the next line of a writer's own log file: header, payload bytes, signatures. */
import { ZERO_HASH } from './bytes';
import type { ArticleEvents, ArticleKind } from './article-events';
import type { Ed25519 } from './ed25519';
import { envelopeLine, lineHash, openEnvelope, PAYLOAD_TYPES, payloadBytes, signEnvelope, type Signer } from './envelope';
import { PAYLOAD_VERSION } from './payload';
import type { RosterEvent } from './roster-events';

/** Where the next line of a file goes. */
export interface WriterPosition {
  seq: number;
  prev: string;
  /** The time on the file's last line: the next is never earlier. */
  lastAt: string | null;
}

/** The position after `lines`, the complete lines of the writer's own file. */
export function writerPosition(lines: readonly string[]): WriterPosition {
  const last = lines.at(-1);
  if (last === undefined) return { seq: 0, prev: ZERO_HASH, lastAt: null };
  const opened = openEnvelope(last);
  const at = opened.ok ? (opened.value.payload as { at?: unknown }).at : undefined;
  return { seq: lines.length, prev: lineHash(last), lastAt: typeof at === 'string' ? at : null };
}

/**
 * The time to write on an event: now, but never before the writer's previous line or anything
 * it names as its past (so a desk whose clock runs behind still writes a consistent log).
 */
export function eventTime(now: Date, ...notBefore: Array<string | null | undefined>): string {
  let time = now.getTime();
  for (const at of notBefore) if (at) time = Math.max(time, Date.parse(at));
  return new Date(time).toISOString();
}

interface Common {
  position: WriterPosition;
  by: string;
  desk: string;
  at: string;
  parents: readonly string[];
}

export function rosterLine(ed: Ed25519, args: Common & { event: RosterEvent; signers: readonly Signer[] }): string {
  const payload = { ...header(args), event: args.event };
  return envelopeLine(signEnvelope(ed, PAYLOAD_TYPES.roster, payloadBytes(payload), args.signers));
}

export function articleLine<K extends ArticleKind>(
  ed: Ed25519,
  args: Common & { kind: K; articleId: string; roster: readonly string[]; event: ArticleEvents[K]; signer: Signer },
): string {
  const payload = { ...header(args), article: args.articleId, roster: [...args.roster], event: args.event };
  return envelopeLine(signEnvelope(ed, PAYLOAD_TYPES[args.kind], payloadBytes(payload), [args.signer]));
}

function header(args: Common) {
  return { v: PAYLOAD_VERSION, seq: args.position.seq, prev: args.position.prev, by: args.by, at: args.at, desk: args.desk, parents: [...args.parents] };
}
