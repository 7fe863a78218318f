import type { Language } from '../../shared/article/article';
import { api } from '../bridge/bridge';
import { changeLanguage } from '../i18n/i18n';

/** Switches the interface language and remembers it for next time. */
export async function setInterfaceLanguage(language: Language): Promise<void> {
  await changeLanguage(language);
  await api.updateSettings({ language });
}
