import type { ArticleReview } from '../../shared/contract/api';
import type { Refusal } from '../../shared/review/refusal';
import type { ReviewRequest } from '../../shared/review/rules';
import { api } from '../bridge/bridge';
import { CallFailed, unwrap } from '../bridge/use-call';
import type { ArticleSession } from '../editor/article-session';
import { Store } from '../app/store';

/** What an action can be confirmed over: the house lets it through once the person says so. */
export type Concern = 'recommended' | 'annotations' | 'ahead';

interface Acknowledgements {
  acknowledgeOpenAnnotations?: boolean;
  acknowledgeRecommendedChecks?: boolean;
  acknowledgeRequiredChecks?: boolean;
}

const ACKNOWLEDGES: Record<Concern, keyof Acknowledgements> = {
  recommended: 'acknowledgeRecommendedChecks',
  annotations: 'acknowledgeOpenAnnotations',
  ahead: 'acknowledgeRequiredChecks',
};

export interface Confirmation {
  request: ReviewRequest;
  concern: Concern;
  acknowledged: Acknowledgements;
}

export interface ReviewView {
  review: ArticleReview | null;
  busy: boolean;
  /** An action waiting for the person to confirm it over something. */
  confirming: Confirmation | null;
  /** Why the last action was refused, shown beside the actions until the next one. */
  refusal: Refusal | null;
}

interface ReviewDeps {
  session: ArticleSession;
  report: (error: unknown) => void;
  /** The article's place in the chain changed: the library lists need refreshing. */
  changed: () => void;
  /** The action was taken: the text it sent is no longer a draft. */
  taken: (request: ReviewRequest) => void;
}

function concernOf(refusal: Refusal | undefined): Concern | null {
  if (refusal?.code === 'recommended-checks') return 'recommended';
  if (refusal?.code === 'required-checks-ahead') return 'ahead';
  if (refusal?.code === 'open-annotations' && refusal.params.blocking !== 'true') return 'annotations';
  return null;
}

/** The open article's review state and the actions on it. */
export class ReviewStore extends Store<ReviewView> {
  private readonly off: () => void;
  /** Counts the answers taken in: an answer asked for before a newer one arrived is stale and dropped. */
  private generation = 0;

  constructor(
    private readonly id: string,
    initial: ArticleReview | null,
    private readonly deps: ReviewDeps,
  ) {
    super({ review: initial, busy: false, confirming: null, refusal: null });
    // A save changes the copy's hash: only approvals can go stale, so refresh only when there are some.
    this.off = deps.session.onSaved(() => {
      if (Object.keys(this.get().review?.state.approvals ?? {}).length > 0) void this.load();
    });
  }

  dispose(): void {
    this.off();
  }

  load = async (): Promise<void> => {
    const asked = ++this.generation;
    try {
      const review = await unwrap(api.getReview({ id: this.id }));
      // An action's answer (or a later load) came in meanwhile: this one may predate it.
      if (asked === this.generation) this.patch({ review });
    } catch (error) {
      this.deps.report(error);
    }
  };

  /** Takes the action; one the house lets through on confirmation waits for it (see `confirm`). */
  act = async (request: ReviewRequest, acknowledged: Acknowledgements = {}): Promise<boolean> => {
    if (this.get().busy) return false;
    this.patch({ busy: true, confirming: null, refusal: null });
    try {
      await this.deps.session.flush();
      const result = await api.reviewAction({ id: this.id, request, ...acknowledged });
      if (result.ok) {
        this.generation++;
        this.patch({ review: result.value });
        this.deps.taken(request);
        this.deps.changed();
        return true;
      }
      const concern = concernOf(result.error.refusal as Refusal | undefined);
      if (concern) this.patch({ confirming: { request, concern, acknowledged } });
      else if (result.error.refusal) this.patch({ refusal: result.error.refusal as Refusal });
      else this.deps.report(new CallFailed(result.error));
      return false;
    } finally {
      this.patch({ busy: false });
    }
  };

  /** The person confirms: the action goes again, acknowledging what they were shown (`also`: more of it). */
  confirm = (also: Concern[] = []): void => {
    const pending = this.get().confirming;
    if (!pending) return;
    const acknowledged = { ...pending.acknowledged };
    for (const concern of [pending.concern, ...also]) acknowledged[ACKNOWLEDGES[concern]] = true;
    void this.act(pending.request, acknowledged);
  };

  cancel = (): void => this.patch({ confirming: null });
}
