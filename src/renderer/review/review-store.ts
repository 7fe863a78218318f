import type { ArticleReview } from '../../shared/contract/api';
import type { ReviewRequest } from '../../shared/review/rules';
import { api } from '../bridge/bridge';
import { CallFailed, unwrap } from '../bridge/use-call';
import type { ArticleSession } from '../editor/article-session';
import { Store } from '../app/store';

export interface ReviewView {
  review: ArticleReview | null;
  busy: boolean;
  /** An approval that needs a confirmation first (open annotations). */
  confirming: ReviewRequest | null;
}

interface ReviewDeps {
  session: ArticleSession;
  report: (error: unknown) => void;
  /** The article's place in the chain changed: the library lists need refreshing. */
  changed: () => void;
}

/** The open article's review state and the actions on it. */
export class ReviewStore extends Store<ReviewView> {
  private readonly off: () => void;

  constructor(
    private readonly id: string,
    initial: ArticleReview | null,
    private readonly deps: ReviewDeps,
  ) {
    super({ review: initial, busy: false, confirming: null });
    // A save changes the copy's hash: only approvals can go stale, so refresh only when there are some.
    this.off = deps.session.onSaved(() => {
      if (Object.keys(this.get().review?.state.approvals ?? {}).length > 0) void this.load();
    });
  }

  dispose(): void {
    this.off();
  }

  load = async (): Promise<void> => {
    try {
      this.patch({ review: await unwrap(api.getReview({ id: this.id })) });
    } catch (error) {
      this.deps.report(error);
    }
  };

  act = async (request: ReviewRequest, acknowledgeOpenAnnotations = false): Promise<boolean> => {
    this.patch({ busy: true, confirming: null });
    try {
      await this.deps.session.flush();
      const result = await api.reviewAction({ id: this.id, request, acknowledgeOpenAnnotations });
      if (result.ok) {
        this.patch({ review: result.value });
        this.deps.changed();
        return true;
      }
      if (result.error.refusal?.code === 'open-annotations' && result.error.refusal.params.blocking !== 'true') this.patch({ confirming: request });
      else this.deps.report(new CallFailed(result.error));
      return false;
    } finally {
      this.patch({ busy: false });
    }
  };

  confirm = (): void => {
    const request = this.get().confirming;
    if (request) void this.act(request, true);
  };

  cancel = (): void => this.patch({ confirming: null });
}
