import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { interfaceLanguage } from '../app/error-message';
import { IMPORTABLE } from '../import/import-document';
import { importFile } from '../import/import-file';

/** The library's title, and making articles: a new one, or one imported from a document. */
export function LibraryHead({ showTrash }: { showTrash: boolean }) {
  const { t } = useTranslation();
  const stores = useAppStores();
  const importInput = useRef<HTMLInputElement>(null);
  return (
    <div className="library-head">
      <h2>{showTrash ? t('library.trash') : t('library.title')}</h2>
      {!showTrash && (
        <div className="library-head-actions">
          <button type="button" onClick={() => importInput.current?.click()}>
            {t('library.import')}
          </button>
          <button type="button" className="primary" onClick={() => void stores.opened.create(interfaceLanguage())}>
            ＋ {t('library.newArticle')}
          </button>
          <input
            ref={importInput}
            type="file"
            hidden
            accept={IMPORTABLE}
            aria-label={t('library.importFile')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(stores, file);
            }}
          />
        </div>
      )}
    </div>
  );
}
