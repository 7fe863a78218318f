import { createContext, useContext, useSyncExternalStore } from 'react';
import type { MetaFields } from '../editor/article-session';
import type { OpenArticle } from './open-article';

export const OpenArticleContext = createContext<OpenArticle | null>(null);

/** The article open in this window, with its features' stores. */
export function useOpenArticle(): OpenArticle {
  const open = useContext(OpenArticleContext);
  if (!open) throw new Error('useOpenArticle outside an open article');
  return open;
}

/** Channel, headline, deck, byline and language of the open article, as they are being edited. */
export function useMeta(): MetaFields {
  const { session } = useOpenArticle();
  return useSyncExternalStore(session.subscribeMeta, session.getMeta);
}
