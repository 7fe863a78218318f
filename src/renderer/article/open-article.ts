import { $getRoot, type LexicalEditor } from 'lexical';
import type { Article, Language } from '../../shared/article/article';
import type { SerializedBody } from '../../shared/article/body';
import type { ArticleCounts } from '../../shared/article/counts';
import type { ArticleReview } from '../../shared/contract/api';
import type { TrackedCopy } from '../../shared/tracked/attribute';
import type { HitLocation } from '../../shared/contract/library';
import { AnnotationsStore } from '../annotations/annotations-store';
import { ChangesStore } from '../changes/changes-store';
import { Value } from '../app/store';
import { ChecksStore } from '../checks/checks-store';
import { ArticleSession } from '../editor/article-session';
import type { AnnotationAnchors } from '../editor/plugins/AnnotationMarksPlugin';
import type { SavedSummary } from '../library/library-store';
import { REVIEW_DRAFTS } from '../review/review-drafts';
import { ReviewStore } from '../review/review-store';
import { SuggestionsStore } from '../suggestions/suggestions-store';
import { followLanguage } from './follow-language';

export type SideTab = 'review' | 'annotations' | 'suggestions' | 'checks' | 'history';

export interface OpenOptions {
  /** An annotation to show once the article is open. */
  reveal?: string | null;
  /** A place to take the eye to once the article is open (a search hit). */
  at?: HitLocation | null;
  /** Made in this window just now: the headline gets the focus. */
  created?: boolean;
  /** The side panel's tab to show (an article opened again keeps the one it had). */
  tab?: SideTab;
}

/** A copy of the open article saved at another desk after the one being edited here. */
export interface NewerVersion {
  updatedBy: string;
  updatedAt: string;
}

export interface OpenArticleDeps {
  report: (error: unknown) => void;
  /** A save: the library shows the new headline and time. */
  saved: (saved: SavedSummary) => void;
  /** The article's review state or annotations changed: lists and counts elsewhere follow. */
  changed: () => void;
  /** A text written about this article was sent (its draft `field` is done). */
  sent: (articleId: string, field: string) => void;
  words: { selectFirst: () => Error; fixFailed: () => Error };
}

const NO_COUNTS: ArticleCounts = { chineseCharacters: 0, latinWords: 0, characters: 0, figures: 0, figuresWithoutCaption: 0 };

/**
 * An article opened in the editor, with every store of its features: the working copy and its
 * autosave, the review, the annotations, the checks, the side panel's tab and the body's counts.
 */
export class OpenArticle {
  readonly session: ArticleSession;
  readonly review: ReviewStore;
  readonly annotations: AnnotationsStore;
  readonly checks: ChecksStore;
  readonly suggestions: SuggestionsStore;
  readonly changes: ChangesStore;
  /** The changes since the chosen base while the changes view is shown; null otherwise (FieldChanges.tsx). */
  readonly shownChanges = new Value<TrackedCopy | null>(null);
  private readonly stopShowingChanges: () => void;
  readonly tab: Value<SideTab>;
  readonly bodyCounts = new Value<ArticleCounts>(NO_COUNTS);
  /** Set when another desk saved a newer copy while this one is being edited here. */
  readonly newer = new Value<NewerVersion | null>(null);
  readonly editor: { current: LexicalEditor | null } = { current: null };
  readonly anchors: { current: AnnotationAnchors | null } = { current: null };
  /** Changes whenever the article is (re)loaded, so the editor starts from what is stored. */
  readonly loadedAt = Date.now();

  readonly revealMark: string | null;
  /** Where to take the eye once the copy is shown; changes when a hit in the open article is chosen. */
  readonly revealAt = new Value<HitLocation | null>(null);
  readonly created: boolean;
  private stopFollowingLanguage: () => void = () => undefined;

  constructor(
    readonly article: Article,
    review: ArticleReview | null,
    options: OpenOptions,
    deps: OpenArticleDeps,
  ) {
    const revealMark = options.reveal ?? null;
    this.revealMark = revealMark;
    this.revealAt.put(options.at ?? null);
    this.created = options.created ?? false;
    const { report } = deps;
    this.session = new ArticleSession(article, deps.saved);
    this.session.attachBody(() => (this.editor.current?.getEditorState().toJSON() as unknown as SerializedBody) ?? article.body);
    this.tab = new Value<SideTab>(revealMark ? 'annotations' : options.at?.field === 'opinion' ? 'review' : (options.tab ?? 'review'));
    this.review = new ReviewStore(article.id, review, {
      session: this.session,
      report,
      changed: deps.changed,
      taken: (request) => {
        const field = REVIEW_DRAFTS[request.action];
        if (field) deps.sent(article.id, field);
      },
    });
    const changed = () => {
      void this.review.load();
      deps.changed();
    };
    this.annotations = new AnnotationsStore(article.id, revealMark, {
      session: this.session,
      anchors: this.anchors,
      report,
      changed,
      show: () => this.tab.put('annotations'),
      selectFirst: deps.words.selectFirst,
    });
    this.checks = new ChecksStore(article.id, { session: this.session, editor: this.editor, report, fixFailed: deps.words.fixFailed });
    this.suggestions = new SuggestionsStore({ session: this.session, editor: this.editor });
    this.changes = new ChangesStore(article.id, this.session, report);
    const showChanges = () => this.shownChanges.put(this.suggestions.get().view === 'changes' ? (this.changes.get().since?.tracked ?? null) : null);
    const stops = [this.changes.subscribe(showChanges), this.suggestions.subscribe(showChanges)];
    this.stopShowingChanges = () => stops.forEach((stop) => stop());
    void this.changes.load();
    void this.annotations.load();
    void this.checks.load();
    if (this.created) {
      const bodyText = () => this.editor.current?.getEditorState().read(() => $getRoot().getTextContent()) ?? '';
      this.stopFollowingLanguage = followLanguage(this.session, bodyText, this.bodyCounts);
    }
  }

  /** The person sets the copy's language: from now on it is theirs, not guessed from the text. */
  chooseLanguage = (language: Language): void => {
    this.stopFollowingLanguage();
    this.session.updateMeta({ language });
  };

  get id(): string {
    return this.article.id;
  }

  /** Takes the eye to a place of the open copy (a search hit chosen while it is open). */
  goTo(at: HitLocation): void {
    if (at.field === 'opinion') this.tab.put('review');
    this.revealAt.put({ ...at });
  }

  /** What is unsaved here is let go: a newer copy from another desk replaces it. */
  discard(): void {
    this.session.discard();
  }

  /** Saves what is unsaved and records a revision if there were edits; the stores stop listening. */
  async close(): Promise<void> {
    this.stopFollowingLanguage();
    this.stopShowingChanges();
    await this.session.close();
    this.review.dispose();
    this.suggestions.dispose();
    this.changes.dispose();
  }
}
