import type { BaseSelection } from 'lexical';
import type { AnnotationThread } from '../../shared/annotations/events';
import type { AnnotationOp } from '../../shared/contract/api';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import type { ArticleSession } from '../editor/article-session';
import type { AnnotationAnchors } from '../editor/plugins/AnnotationMarksPlugin';
import { Store } from '../app/store';

export interface Annotations {
  threads: AnnotationThread[];
  /** Text selected for a new comment, waiting for its words. */
  draft: { quote: string; selection: BaseSelection } | null;
  active: string | null;
  loaded: boolean;
}

interface AnnotationDeps {
  session: ArticleSession;
  anchors: { current: AnnotationAnchors | null };
  report: (error: unknown) => void;
  /** Threads were opened, resolved or reopened: counts elsewhere change. */
  changed: () => void;
  /** Asked to comment: show the annotations. */
  show: () => void;
  /** Words for "select some text first". */
  selectFirst: () => Error;
}

const newMarkId = () => `m-${crypto.getRandomValues(new Uint32Array(2)).reduce((s, n) => s + n.toString(36), '')}`;

/** The open article's annotation threads, the comment being started, and the thread in focus. */
export class AnnotationsStore extends Store<Annotations> {
  constructor(
    private readonly id: string,
    active: string | null,
    private readonly deps: AnnotationDeps,
  ) {
    super({ threads: [], draft: null, active, loaded: false });
  }

  load = async (): Promise<void> => {
    try {
      const { threads } = await unwrap(api.listAnnotations({ id: this.id }));
      this.patch({ threads, loaded: true });
    } catch (error) {
      this.deps.report(error);
    }
  };

  annotate = async (op: AnnotationOp): Promise<boolean> => {
    try {
      const { threads } = await unwrap(api.annotate({ id: this.id, op }));
      this.patch({ threads });
      this.deps.changed();
      return true;
    } catch (error) {
      this.deps.report(error);
      return false;
    }
  };

  startComment = (): void => {
    const captured = this.deps.anchors.current?.captureSelection();
    if (!captured) return this.deps.report(this.deps.selectFirst());
    this.patch({ draft: captured });
    this.deps.show();
  };

  cancelComment = (): void => this.patch({ draft: null });

  /**
   * The thread is recorded first (main checks the person may annotate), then its anchor is
   * placed in the copy and saved: a failure can leave a thread without its highlight, never a
   * highlight without its thread.
   */
  createComment = async (text: string): Promise<boolean> => {
    const { draft } = this.get();
    const anchors = this.deps.anchors.current;
    if (!draft || !anchors) return false;
    const markId = newMarkId();
    if (!(await this.annotate({ kind: 'open', thread: markId, quote: draft.quote.slice(0, 500), text }))) return false;
    anchors.anchor(markId, draft.selection);
    this.deps.session.markDirty();
    this.patch({ draft: null, active: markId });
    await this.deps.session.flush();
    return true;
  };

  select = (id: string): void => {
    this.patch({ active: id });
    this.deps.anchors.current?.reveal(id);
  };
}
