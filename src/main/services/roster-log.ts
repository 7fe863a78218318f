/**
 * The workspace's roster: every roster file read and verified (signatures at depth heads, the
 * genesis this desk pinned, the marks of what it had seen), the newsroom list, house rules and
 * settings derived from it, and signed roster events appended to the acting person's own file.
 */
import { canonicalJson } from '../../shared/article/canonical';
import type { Ed25519 } from '../../shared/identity/ed25519';
import type { Signer } from '../../shared/identity/envelope';
import { ROSTER_DIR } from '../../shared/identity/layout';
import { logFileName } from '../../shared/identity/log-files';
import type { LineMemo } from '../../shared/identity/line-memo';
import type { RosterEvent } from '../../shared/identity/roster-events';
import { verifyRoster, type RosterVerdict } from '../../shared/identity/verify-roster';
import type { Roster } from '../../shared/review/people';
import type { WorkspacePolicy } from '../../shared/review/workspace-policy';
import type { SeenMarks } from './data-folder';
import { nativeLineHash } from './identity/native-hash';
import { SignedLogStore } from './identity/signed-log-store';
import type { Appended, SignedLogWriter } from './identity/signed-log-writer';
import type { UnlockedKey } from './identity/unlocked-key';
import { settingsOf, type Settings } from './workspace-settings';

export interface RosterView {
  verdict: RosterVerdict;
  roster: Roster;
  policy: WorkspacePolicy;
  settings: Settings;
  /** Files in roster/ that are not logs (a sync service's conflict copies, hand-made files). */
  strays: string[];
  /** Changes whenever anything the verdict depends on changes: downstream memos key on it. */
  key: string;
}

export class RosterLog {
  readonly store: SignedLogStore;
  private last: { view: RosterView; files: string; inputs: Set<string> } | null = null;

  constructor(
    root: string,
    private readonly ed: Ed25519,
    private readonly seen: SeenMarks,
    private readonly memo: LineMemo,
  ) {
    this.store = new SignedLogStore(root, ROSTER_DIR);
  }

  /** The roster as the files are now; verified again only when they (or this desk's marks) changed. */
  async view(): Promise<RosterView> {
    const [{ files, strays }, marks] = await Promise.all([this.store.read(), this.seen.get()]);
    const seen = await this.seen.under(`${ROSTER_DIR}/`);
    const content = nativeLineHash(JSON.stringify([files.map((file) => [file.path, nativeLineHash(file.lines.join('\n'))]), strays]));
    const input = canonicalJson([marks.genesis, seen]);
    // The same files, seen as before the last verification or as it left them: the same verdict.
    if (this.last?.files === content && this.last.inputs.has(input)) return this.last.view;
    const verdict = verifyRoster({ ed: this.ed, files, depth: 'heads', pinnedGenesis: marks.genesis, seen, hashLine: nativeLineHash, memo: this.memo });
    const pinned = marks.genesis ?? verdict.genesis?.hash ?? null;
    await this.seen.record({ logs: verdict.seen, genesis: pinned });
    const key = nativeLineHash(`${content}\n${input}`);
    const view: RosterView = { verdict, roster: verdict.snapshot.roster, policy: verdict.policy, settings: settingsOf(verdict.snapshot.settings), strays, key };
    this.last = { view, files: content, inputs: new Set([input, canonicalJson([pinned, verdict.seen])]) };
    return view;
  }

  /**
   * Appends a roster event signed by `key`, naming the roster as it is now as its past. The
   * signed line is first verified with the roster as it is: an event the roster would ignore
   * (not an admin, the last admin, a refused name…) is refused with the verifier's reason and
   * never written.
   */
  async append(writer: SignedLogWriter, key: UnlockedKey, event: RosterEvent, extraSigners?: readonly Signer[]): Promise<Appended> {
    const { verdict } = await this.view();
    const marks = await this.seen.get();
    const parents = event.kind === 'genesis' ? [] : verdict.heads;
    const path = `${ROSTER_DIR}/${logFileName(key.personId, writer.deskId)}`;
    const check = async (line: string) => {
      const { files } = await this.store.read();
      const own = files.find((file) => file.path === path);
      const withLine = own ? files.map((file) => (file === own ? { path, lines: [...file.lines, line] } : file)) : [...files, { path, lines: [line] }];
      const after = verifyRoster({ ed: this.ed, files: withLine, depth: 'heads', pinnedGenesis: marks.genesis, hashLine: nativeLineHash, memo: this.memo });
      const ignored = after.ignored.find((entry) => entry.path === path && entry.line === (own?.lines.length ?? 0) + 1);
      const counted = event.kind !== 'genesis' || after.genesis?.path === path;
      if (ignored || !counted) throw new RosterRefused(ignored?.code ?? 'second-genesis', ignored?.detail ?? 'the workspace already has its first person');
    };
    return writer.appendRoster(this.store, key, { parents, notBefore: verdict.latestAt, event, check, ...(extraSigners ? { extraSigners } : {}) });
  }
}

/** The roster would not count the event: `code` is the verifier's reason (src/shared/identity/roster.ts). */
export class RosterRefused extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(`the newsroom list does not accept this change (${code}: ${detail})`);
    this.name = 'RosterRefused';
  }
}
