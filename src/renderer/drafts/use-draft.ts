import { useCallback, type ChangeEvent, type FocusEvent } from 'react';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { draftKey } from './drafts-store';

type Field = HTMLInputElement | HTMLTextAreaElement;

export interface Draft {
  text: string;
  write: (text: string) => void;
  /** Call once the text has been sent. */
  clear: () => void;
  /** Spread on the input or textarea that edits it. */
  field: { value: string; onChange: (event: ChangeEvent<Field>) => void; onFocus: (event: FocusEvent<Field>) => void };
}

/** A field showing a kept draft is entered after what was written, not before it. */
function caretAfterDraft(event: FocusEvent<Field>): void {
  const input = event.currentTarget;
  if (input.selectionStart === 0 && input.selectionEnd === 0) input.setSelectionRange(input.value.length, input.value.length);
}

/** A text the person is writing about the open article (`field` says which), kept until it is sent. */
export function useDraft(field: string): Draft {
  const { drafts, desk } = useAppStores();
  const { id } = useOpenArticle();
  const person = useSelect(desk, (d) => d.session.currentUser?.id ?? '');
  const key = draftKey(person, id, field);
  const text = useSelect(drafts, (all) => all[key] ?? '');
  const write = useCallback((next: string) => drafts.write(key, next), [drafts, key]);
  const clear = useCallback(() => drafts.clear(key), [drafts, key]);
  return { text, write, clear, field: { value: text, onChange: (event) => write(event.target.value), onFocus: caretAfterDraft } };
}
