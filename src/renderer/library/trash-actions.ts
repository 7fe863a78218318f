import type { AppStores } from '../app/app-stores';
import { api } from '../bridge/bridge';
import { CallFailed } from '../bridge/use-call';

/**
 * Moves an article to the trash (with the reason copy in review or signed off needs), closing it
 * first when it is open here. Gives the error, if refused, for the dialog to show.
 */
export async function trashArticle({ opened, library }: Pick<AppStores, 'opened' | 'library'>, id: string, reason: string): Promise<CallFailed | null> {
  const wasOpen = opened.current?.id === id;
  if (wasOpen) await opened.close();
  const result = await api.trashArticle({ id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  if (!result.ok && wasOpen) await opened.open(id);
  await Promise.all([library.refresh(), library.refreshTrash()]);
  return result.ok ? null : new CallFailed(result.error);
}
