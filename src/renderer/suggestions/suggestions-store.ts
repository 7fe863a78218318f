import i18next from 'i18next';
import type { LexicalEditor } from 'lexical';
import type { SerializedBody } from '../../shared/article/body';
import { decideMeta, selectSuggestions, type SuggestionFilter } from '../../shared/suggestions/decide';
import { listSuggestions, suggestersOf, type SuggestionSummary } from '../../shared/suggestions/list';
import type { Decision } from '../../shared/suggestions/resolve-body';
import { Store } from '../app/store';
import type { ArticleSession } from '../editor/article-session';
import { $decideFigureProposals, $decideSuggestions } from '../editor/suggesting/decide';
import type { SuggestionsView } from '../editor/suggesting/suggesting-context';

export type SuggestionsMode = 'editing' | 'suggesting';

/** "Accepted 2 suggestions by 王丽": the history's name for a decision, in the interface's language. */
function decisionLabel(chosen: readonly SuggestionSummary[], decision: Decision): string {
  const names = suggestersOf(chosen).map((p) => p.byName).join(i18next.language === 'zh-CN' ? '、' : ', ');
  const key = decision === 'accept' ? 'suggestions.decidedAccept' : 'suggestions.decidedReject';
  return i18next.t(key, { count: chosen.length, names }).slice(0, 200);
}

export interface Suggestions {
  mode: SuggestionsMode;
  view: SuggestionsView;
  /** Every pending suggestion of the copy as it is being written, in reading order. */
  list: SuggestionSummary[];
  /** Field proposals the last decision could not accept (they clash with what the field became). */
  refused: string[];
}

interface SuggestionsDeps {
  session: ArticleSession;
  editor: { current: LexicalEditor | null };
}

/** The open article's suggestions: editing or suggesting, which view, the pending list, and deciding. */
export class SuggestionsStore extends Store<Suggestions> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly stopWatchingMeta: () => void;

  constructor(private readonly deps: SuggestionsDeps) {
    super({ mode: 'editing', view: 'changes', list: [], refused: [] });
    this.stopWatchingMeta = deps.session.subscribeMeta(this.changed);
    this.changed();
  }

  setMode = (mode: SuggestionsMode): void => this.patch({ mode, view: 'changes' });

  setView = (view: SuggestionsView): void => this.patch({ view });

  /** Lists what is pending now (the whole copy is read: call it when typing pauses, not per key). */
  refresh = (): void => {
    clearTimeout(this.timer);
    const editor = this.deps.editor.current;
    const body = (editor?.getEditorState().toJSON() as unknown as SerializedBody | undefined) ?? null;
    if (!body) return;
    this.patch({ list: listSuggestions({ ...this.deps.session.getMeta(), body }) });
  };

  /** Lists again once the copy has been still for a moment. */
  changed = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.refresh, 300);
  };

  /**
   * Accepts or rejects the chosen suggestions: an edit of the copy, saved like any other and
   * recorded in the history as a revision of the person deciding, named for what they decided.
   */
  decide = (filter: SuggestionFilter, decision: Decision): void => {
    const { session, editor } = this.deps;
    this.refresh();
    const chosen = selectSuggestions(this.get().list, filter);
    const meta = session.getMeta();
    const refused: string[] = [];
    editor.current?.update(
      () => {
        $decideSuggestions(filter, decision);
        refused.push(...$decideFigureProposals(filter, decision, meta.language));
      },
      { discrete: true },
    );
    const decided = decideMeta(meta, filter, decision, refused);
    if (decided !== meta) session.updateMeta({ headline: decided.headline, deck: decided.deck, byline: decided.byline, proposals: decided.proposals });
    session.markDirty();
    this.patch({ refused });
    this.refresh();
    if (chosen.length > 0) void session.recordVersion('save', decisionLabel(chosen, decision));
  };

  dispose(): void {
    clearTimeout(this.timer);
    this.stopWatchingMeta();
  }
}
