import i18next from 'i18next';
import type { AppStores } from '../app/app-stores';
import { importDocument } from './import-document';

/** A document dropped on the window or picked becomes a new article. Nothing is created if reading it fails. */
export async function importFile(stores: Pick<AppStores, 'opened' | 'errors'>, file: File): Promise<void> {
  try {
    const language = i18next.language === 'zh-CN' ? 'zh-CN' : 'en';
    const content = await importDocument(file, language);
    await stores.opened.create(content.language, content);
  } catch (error) {
    stores.errors.report(error);
  }
}
