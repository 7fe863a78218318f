import { useId, type ReactNode } from 'react';
import type { Draft } from '../drafts/use-draft';

interface TextActionFormProps {
  /** The opinion or reason the action sends, kept as a draft until it is sent. */
  draft: Draft;
  label: string;
  placeholder?: string;
  rows: number;
  button: string;
  primary?: boolean;
  busy: boolean;
  onSend: (text: string) => void;
  /** Fields before the text (where a return goes). */
  children?: ReactNode;
}

/** A review action that needs written words: the text, then the button that sends it. */
export function TextActionForm({ draft, label, placeholder, rows, button, primary, busy, onSend, children }: TextActionFormProps) {
  const id = useId();
  return (
    <form
      className="action-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSend(draft.text);
      }}
    >
      {children}
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} placeholder={placeholder} {...draft.field} />
      <button type="submit" className={primary ? 'primary' : undefined} aria-disabled={busy} disabled={!draft.text.trim()}>
        {button}
      </button>
    </form>
  );
}
