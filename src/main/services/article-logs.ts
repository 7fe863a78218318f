/**
 * One article's signed log (`articles/<id>/log/`), every writer's file, verified against the
 * roster by the one verifier, with the format-1 files the roster attests for it, this desk's
 * marks of what it had seen, and the current copy's revision. Verified again only when the
 * files, the roster or the marks changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../../shared/article/canonical';
import type { Ed25519 } from '../../shared/identity/ed25519';
import { articleLogDir } from '../../shared/identity/layout';
import type { LineMemo } from '../../shared/identity/line-memo';
import type { ArticleKind, ArticleEvents } from '../../shared/identity/article-events';
import type { SignedRevision } from '../../shared/identity/revision-event';
import { verifyArticle, type ArticleRecord, type ArticleVerdict } from '../../shared/identity/verify-article';
import { logFileName, type LogFile } from '../../shared/identity/log-files';
import { AppFailure } from '../../shared/contract/errors';
import type { SeenMarks } from './data-folder';
import { nativeLineHash } from './identity/native-hash';
import { SignedLogStore } from './identity/signed-log-store';
import type { Appended, SignedLogWriter } from './identity/signed-log-writer';
import type { UnlockedKey } from './identity/unlocked-key';
import type { RosterView } from './roster-log';

export interface ArticleState {
  id: string;
  verdict: ArticleVerdict;
  /** Signed revisions by id. */
  revisions: ReadonlyMap<string, SignedRevision>;
  /** Files in the log folder that are not logs: a sync service's conflict copies, set-aside tails, hand-made files. */
  strays: string[];
  /** A sync service's conflict copies of logs in the log folder: read with the logs, and named. */
  conflictCopies: string[];
  /** Log files whose last line is unfinished (an interrupted append, cut and set aside at the next one). */
  unfinished: string[];
  /** The roster the state was derived with. */
  roster: RosterView;
  /** The format-1 files the roster attests for the article, as they are now. */
  legacyFiles?: ReadonlyMap<string, string | null>;
  /** The log files as read (to show what a forged line claims). */
  files: readonly LogFile[];
}

interface Remembered {
  state: ArticleState;
  files: string;
  inputs: Set<string>;
}

const KEPT = 2_000;

export class ArticleLogs {
  private readonly remembered = new Map<string, Remembered>();
  private readonly appended = new Set<(id: string) => void>();

  constructor(
    private readonly root: string,
    private readonly ed: Ed25519,
    private readonly seen: SeenMarks,
    private readonly memo: LineMemo,
  ) {}

  store(id: string): SignedLogStore {
    return new SignedLogStore(this.root, articleLogDir(id));
  }

  /** Calls `listener` with the article's id after each event this desk appends (the library index follows its own writes). */
  onAppended(listener: (id: string) => void): () => void {
    this.appended.add(listener);
    return () => void this.appended.delete(listener);
  }

  /** Whether the article has a log folder at all (an article of this format). */
  async exists(id: string): Promise<boolean> {
    const { files } = await this.store(id).read();
    return files.length > 0;
  }

  /** `currentHash`: the content hash of the copy shown when it is not the head's own (crossed saves merged). */
  async state(id: string, roster: RosterView, currentHash?: string): Promise<ArticleState> {
    const store = this.store(id);
    const prefix = `${articleLogDir(id)}/`;
    const seen = await this.seen.under(prefix);
    const { files, strays, unfinished, conflictCopies } = await store.readSettled(seen);
    const attested = roster.verdict.snapshot.attestations.get(id);
    const legacyFiles = attested ? await readLegacy(join(this.root, 'articles', id), attested.attestation.files.map((file) => file.path)) : undefined;
    const content = nativeLineHash(
      canonicalJson([files.map((file) => [file.path, nativeLineHash(file.lines.join('\n'))]), [...(legacyFiles ?? new Map())].map(([path, text]) => [path, text === null ? null : nativeLineHash(text)])]),
    );
    const input = canonicalJson([roster.key, seen]);
    // A crossed article is read against its head and against its merge: each is remembered on its own.
    const key = currentHash ? `${id} ${currentHash}` : id;
    const known = this.remembered.get(key);
    if (known?.files === content && known.inputs.has(input)) return { ...known.state, strays, unfinished, conflictCopies, files };
    const verdict = verifyArticle({ ed: this.ed, articleId: id, files, roster: roster.verdict, depth: 'heads', seen, hashLine: nativeLineHash, memo: this.memo, ...(legacyFiles ? { legacyFiles } : {}), ...(currentHash ? { currentHash } : {}) });
    await this.seen.record({ logs: verdict.seen });
    const state: ArticleState = { id, verdict, revisions: new Map(verdict.revisions.map((revision) => [revision.id, revision])), strays, unfinished, conflictCopies, roster, files, ...(legacyFiles ? { legacyFiles } : {}) };
    this.remembered.delete(key);
    this.remembered.set(key, { state, files: content, inputs: new Set([input, canonicalJson([roster.key, verdict.seen])]) });
    if (this.remembered.size > KEPT) this.remembered.delete(this.remembered.keys().next().value!);
    return state;
  }

  /**
   * Appends an article event signed by `key`, naming what the state shows as its past. The
   * signed line is first verified with the log as it is: an event the verifier would not count
   * is refused and never written.
   */
  append<K extends ArticleKind>(writer: SignedLogWriter, key: UnlockedKey, state: ArticleState, kind: K, event: ArticleEvents[K] | ((at: string) => ArticleEvents[K])): Promise<Appended> {
    const roster = state.roster.verdict;
    const notBefore = [state.verdict.latestAt, roster.latestAt].filter((at): at is string => at !== null).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1) ?? null;
    const check = async (line: string) => {
      const { record, arrived } = await this.withLine(state, `${articleLogDir(state.id)}/${logFileName(key.personId, writer.deskId)}`, line);
      if (record?.status === 'signed') return;
      const why = `${record?.code ?? record?.status ?? 'not found'}: ${record?.detail ?? ''}`;
      // Another desk's records came in after the state was read: the article moved on under the action.
      if (arrived) throw new AppFailure('conflict', `another desk acted on the article meanwhile, so the ${kind} would not count (${why}); nothing was written`);
      throw new AppFailure('forbidden', `the ${kind} would not count (${why}); nothing was written`);
    };
    const appended = writer.appendArticle(this.store(state.id), key, { kind, articleId: state.id, parents: state.verdict.heads, notBefore, roster: roster.heads, event, check });
    return appended.then((result) => {
      for (const listener of this.appended) listener(state.id);
      return result;
    });
  }

  /** How the verifier would take `line` appended to the file at `path`, and whether records came in since `state` was read. */
  private async withLine(state: ArticleState, path: string, line: string): Promise<{ record: ArticleRecord | undefined; arrived: boolean }> {
    // Read as the state was, unless what it had seen is still short after a sync under way has settled.
    const { files } = await this.store(state.id).readSettled(state.verdict.seen);
    const arrived = files.some((file) => file.lines.length > (state.verdict.seen[file.path]?.count ?? 0));
    const own = files.find((file) => file.path === path);
    const withLine = own ? files.map((file) => (file === own ? { path, lines: [...file.lines, line] } : file)) : [...files, { path, lines: [line] }];
    const legacyFiles = state.legacyFiles;
    const verdict = verifyArticle({ ed: this.ed, articleId: state.id, files: withLine, roster: state.roster.verdict, depth: 'heads', hashLine: nativeLineHash, memo: this.memo, ...(legacyFiles ? { legacyFiles } : {}) });
    const hash = nativeLineHash(line);
    return { record: verdict.records.find((record) => record.hash === hash), arrived };
  }
}

/** The attested format-1 files of an article as they are now (null: gone). */
async function readLegacy(articleDir: string, paths: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  await Promise.all(
    paths.map(async (path) => {
      const text = await readFile(join(articleDir, ...path.split('/')), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      out.set(path, text);
    }),
  );
  return out;
}
