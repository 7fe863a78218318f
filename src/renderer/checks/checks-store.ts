import type { LexicalEditor } from 'lexical';
import type { ArticleContent } from '../../shared/article/article';
import type { SerializedBody } from '../../shared/article/body';
import { applyFix, type Finding } from '../../shared/checks/index';
import type { Proofreading } from '../../shared/contract/api';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import type { ArticleSession, MetaFields } from '../editor/article-session';
import { Store } from '../app/store';
import { jumpToFinding } from './jump';

export interface Checks {
  /** The workspace's rules and lists, and this article's "ignore here" decisions. */
  proofreading: Proofreading | null;
  /** What the checks find in the copy as it is being written. */
  findings: Finding[];
}

interface ChecksDeps {
  session: ArticleSession;
  editor: { current: LexicalEditor | null };
  report: (error: unknown) => void;
  /** Words for "this fix cannot be applied here". */
  fixFailed: () => Error;
}

/** Proofreading of the open article: the live findings, and fixing, ignoring and jumping to them. */
export class ChecksStore extends Store<Checks> {
  constructor(
    private readonly id: string,
    private readonly deps: ChecksDeps,
  ) {
    super({ proofreading: null, findings: [] });
  }

  load = async (): Promise<void> => {
    try {
      this.patch({ proofreading: await unwrap(api.getProofreading({ id: this.id })) });
    } catch (error) {
      this.deps.report(error);
    }
  };

  found = (findings: Finding[]): void => this.patch({ findings });

  jump = (finding: Finding): void => jumpToFinding(finding, this.deps.editor.current);

  fix = (finding: Finding): void => {
    const editor = this.deps.editor.current;
    if (!editor) return;
    const meta = this.deps.session.getMeta();
    const before: ArticleContent = { ...meta, body: editor.getEditorState().toJSON() as unknown as SerializedBody };
    const result = applyFix(before, finding);
    if (!result.ok) return this.deps.report(this.deps.fixFailed());
    const { body, ...fields } = result.content;
    const patch = Object.fromEntries(Object.entries(fields).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof ArticleContent])));
    if (Object.keys(patch).length > 0) this.deps.session.updateMeta(patch as Partial<MetaFields>);
    if (JSON.stringify(body) !== JSON.stringify(before.body)) editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
    this.deps.session.markDirty();
  };

  ignore = async (finding: Finding, reason: string): Promise<boolean> => {
    try {
      const ignores = await unwrap(api.ignoreFinding({ id: this.id, findingId: finding.id, reason }));
      this.set((checks) => (checks.proofreading ? { ...checks, proofreading: { ...checks.proofreading, ignores } } : checks));
      return true;
    } catch (error) {
      this.deps.report(error);
      return false;
    }
  };
}
