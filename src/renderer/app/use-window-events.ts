import { useEffect } from 'react';
import { getBridge } from '../bridge/bridge';
import { importFile } from '../import/import-file';
import { isImportable } from '../import/import-document';
import type { AppStores } from './app-stores';

export const GO_TO_BODY = 'Mod+Alt+B';

/** The article's text, or the library when no article is open. */
export function focusBody(): void {
  for (const selector of ['.body-content', '.library-item-main', '.library-head-actions .primary']) {
    const target = document.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
}

/**
 * What reaches the whole window: menu commands (and, in the preview, which has no native menu,
 * their shortcuts), documents dropped anywhere, and the page being hidden (save now).
 */
export function useWindowEvents(stores: AppStores): void {
  useEffect(() => {
    const { commands, opened } = stores;
    const off = getBridge().onMenuCommand((command) => commands.run(command));
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyB') {
        event.preventDefault();
        return focusBody();
      }
      if (getBridge().host !== 'preview' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') commands.run('save');
      else if (key === 'f') commands.run('find');
      else if (key === 'n' && event.shiftKey) commands.run('new-article');
      else return;
      event.preventDefault();
    };
    const onHide = () => void opened.current?.session.flush();
    // Pictures dropped on the body become figures there; other documents become articles.
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = Array.from(event.dataTransfer?.files ?? []).filter(isImportable);
      if (files.length === 0) {
        if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
        return;
      }
      event.preventDefault();
      void (async () => {
        for (const file of files) await importFile(stores, file);
      })();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [stores]);
}
