import type { AppStores } from '../app/app-stores';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';

/** Moves an article to the trash, closing it first when it is open here. */
export async function trashArticle({ opened, library, errors }: Pick<AppStores, 'opened' | 'library' | 'errors'>, id: string): Promise<boolean> {
  try {
    if (opened.current?.id === id) await opened.close();
    await unwrap(api.trashArticle({ id }));
    await Promise.all([library.refresh(), library.refreshTrash()]);
    return true;
  } catch (error) {
    errors.report(error);
    return false;
  }
}
