import type { ArticleContent } from '../article/article';
import { contentHash } from '../article/canonical';
import type { Person } from '../review/people';
import { refusal, type Checked } from '../review/refusal';
import { listSuggestions, type SuggestionSummary } from './list';

/** What a save does to the pending suggestions, against the copy it was made from. */
export interface SuggestionEdit {
  /** Suggestions the save brings in (keys the copy did not have). */
  added: SuggestionSummary[];
  /** Suggestions it changes or takes away (accepted, rejected, withdrawn or edited). */
  changed: SuggestionSummary[];
}

const fingerprint = (s: SuggestionSummary) => JSON.stringify([s.kind, s.by, s.byName, s.inserted, s.deleted]);

export function suggestionEdit(before: ArticleContent, after: ArticleContent): SuggestionEdit {
  const old = new Map(listSuggestions(before).map((s) => [s.key, s]));
  const added: SuggestionSummary[] = [];
  const changed: SuggestionSummary[] = [];
  for (const s of listSuggestions(after)) {
    const was = old.get(s.key);
    old.delete(s.key);
    if (!was) added.push(s);
    else if (fingerprint(was) !== fingerprint(s)) changed.push(was);
  }
  return { added, changed: [...changed, ...old.values()] };
}

/**
 * May `person` save `after` over `before`? Every suggestion a save brings in names the person who
 * signs it, so a suggestion's author is who it says. Whoever may edit the copy (`mayEdit`) may
 * otherwise save anything; someone who may only suggest (`maySuggest`: a reviewer of a later
 * stage) may save their own suggestions and nothing else — the copy as it stands unchanged, and
 * nobody else's suggestion touched.
 */
export function checkSuggestionSave(before: ArticleContent, after: ArticleContent, person: Person, mayEdit: Checked, maySuggest: () => Checked): Checked {
  const edit = suggestionEdit(before, after);
  // A change known only by its author's name (from an imported Word file) comes in with the copy's holder.
  const foreign = edit.added.find((s) => s.by !== person.id && !(s.by === '' && mayEdit.ok));
  if (foreign) return refusal('suggestion-not-yours', { name: person.name, author: foreign.byName });
  if (mayEdit.ok) return { ok: true };
  if (edit.added.length === 0 && edit.changed.length === 0) return mayEdit;
  const suggest = maySuggest();
  if (!suggest.ok) return mayEdit;
  const others = edit.changed.find((s) => s.by !== person.id);
  if (others || contentHash(before) !== contentHash(after)) return refusal('suggest-only', { name: person.name });
  return { ok: true };
}
