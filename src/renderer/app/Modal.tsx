import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** Where focus goes when a dialog closes and what had it before is gone: the body text, else the library. */
function fallbackFocus(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.body-content') ?? document.querySelector<HTMLElement>('.library-item-main, .library-head-actions button');
}

/** Focuses the first candidate that is still on the page and can take the focus. */
function focusFirst(candidates: Array<HTMLElement | null | undefined>): void {
  for (const candidate of candidates) {
    if (!candidate?.isConnected) continue;
    candidate.focus();
    if (document.activeElement === candidate) return;
  }
}

/**
 * A native modal dialog: focus is kept inside, Escape closes it when it may be closed, and on
 * closing focus goes back to where it was (never to the page body).
 */
export function Modal({ title, onClose, children, className }: { title: string; onClose?: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect: the dialog opens and closes within React's commit, so the browser gives the focus
  // back at once, not later over whatever the person has focused since.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    // If that control is gone by then (an action done), the panel it was in.
    const container = before?.parentElement?.closest<HTMLElement>('[tabindex="-1"]');
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // After React has finished with the page: the element may be re-rendered or gone.
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        focusFirst([before, container, fallbackFocus()]);
      });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose?.();
      }}
    >
      <h2 className="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}
