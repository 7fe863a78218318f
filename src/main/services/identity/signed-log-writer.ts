/**
 * Appends signed events to the signed-in person's own file at this desk: the next seq and prev
 * from the file itself, the time never before the file's last line or the past it names, the
 * signature from the unlocked key. Appends to one file run one at a time in this process.
 */
import type { ArticleEvents, ArticleKind } from '../../../shared/identity/article-events';
import type { Ed25519 } from '../../../shared/identity/ed25519';
import { lineHash, type Signer } from '../../../shared/identity/envelope';
import type { RosterEvent } from '../../../shared/identity/roster-events';
import { articleLine, eventTime, rosterLine, writerPosition } from '../../../shared/identity/write';
import { systemClock, type Clock } from '../clock';
import { KeyedQueue } from '../keyed-queue';
import type { SignedLogStore } from './signed-log-store';
import type { UnlockedKey } from './unlocked-key';

export interface Appended {
  line: string;
  hash: string;
  at: string;
}

interface Past {
  /** The heads of the log the person has seen. */
  parents: readonly string[];
  /** The latest time in that past (from the verdict): the event is not dated before it. */
  notBefore?: string | null;
  /**
   * Runs on the signed line before it is appended, in the file's queue; throwing refuses the
   * event and nothing is written (the app checks a line with the verifier before keeping it).
   */
  check?: (line: string) => Promise<void> | void;
}

export class SignedLogWriter {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly ed: Ed25519,
    readonly deskId: string,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A roster event; a claim passes the enrolment key as `extraSigners`. */
  appendRoster(store: SignedLogStore, key: UnlockedKey, args: Past & { event: RosterEvent; extraSigners?: readonly Signer[] }): Promise<Appended> {
    return this.append(store, key, (position, at) =>
      key.use((signer) => rosterLine(this.ed, { position, by: key.personId, desk: this.deskId, at, parents: args.parents, event: args.event, signers: [...(args.extraSigners ?? []), signer] })),
    args);
  }

  appendArticle<K extends ArticleKind>(
    store: SignedLogStore,
    key: UnlockedKey,
    /** `event` may be made from the line's time, for events that repeat it (annotations, ignore decisions). */
    args: Past & { kind: K; articleId: string; roster: readonly string[]; event: ArticleEvents[K] | ((at: string) => ArticleEvents[K]) },
  ): Promise<Appended> {
    return this.append(
      store,
      key,
      (position, at) =>
        key.use((signer) =>
          articleLine(this.ed, {
            kind: args.kind,
            articleId: args.articleId,
            position,
            by: key.personId,
            desk: this.deskId,
            at,
            parents: args.parents,
            roster: args.roster,
            event: typeof args.event === 'function' ? args.event(at) : args.event,
            signer,
          }),
        ),
      args,
    );
  }

  private append(store: SignedLogStore, key: UnlockedKey, build: (position: ReturnType<typeof writerPosition>, at: string) => string, past: Past): Promise<Appended> {
    return this.queue.run(store.filePath(key.personId, this.deskId), async () => {
      const position = writerPosition(await store.ownLines(key.personId, this.deskId));
      const at = eventTime(this.clock.now(), position.lastAt, past.notBefore);
      const line = build(position, at);
      await past.check?.(line);
      await store.append(key.personId, this.deskId, line);
      return { line, hash: lineHash(line), at };
    });
  }
}
