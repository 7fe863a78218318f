import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commands } from '../app/commands';

declare global {
  interface Window {
    // Chromium's in-page search; not in the DOM typings.
    find(text: string, caseSensitive?: boolean, backwards?: boolean, wrapAround?: boolean): boolean;
  }
}

/** The find bar, shown on the Find command (Ctrl/Cmd+F). */
export function FindHost({ commands }: { commands: Commands }) {
  const [open, setOpen] = useState(false);
  useEffect(() => commands.on('find', () => setOpen(true)), [commands]);
  return open ? <FindBar onClose={() => setOpen(false)} /> : null;
}

function FindBar({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const search = (backwards: boolean) => {
    if (!query) return;
    setMissing(!window.find(query, false, backwards, true));
  };
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <label htmlFor={id} className="visually-hidden">
        {t('find.label')}
      </label>
      <input
        id={id}
        autoFocus
        type="search"
        placeholder={t('find.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') search(event.shiftKey);
          if (event.key === 'Escape') onClose();
        }}
      />
      {missing && <span className="find-missing">{t('find.notFound')}</span>}
      <button type="button" aria-label={t('find.previous')} onClick={() => search(true)}>
        ↑
      </button>
      <button type="button" aria-label={t('find.next')} onClick={() => search(false)}>
        ↓
      </button>
      <button type="button" aria-label={t('find.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
