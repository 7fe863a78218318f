import { useEffect, useRef, type ReactNode } from 'react';

/** Where focus goes when a dialog closes and what had it before is gone: the body text, else the library. */
function fallbackFocus(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.body-content, .library-item-main, .library-head-actions button');
}

/**
 * A native modal dialog: focus is kept inside, Escape closes it when it may be closed, and on
 * closing focus goes back to where it was (never to the page body).
 */
export function Modal({ title, onClose, children, className }: { title: string; onClose?: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // After React has finished with the page: the element may be re-rendered or gone.
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        (before?.isConnected ? before : fallbackFocus())?.focus();
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
