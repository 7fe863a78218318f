import { detectLanguage } from '../../shared/article/language';
import type { Store } from '../app/store';
import type { ArticleSession } from '../editor/article-session';

/**
 * A new article takes its language from its text, once the text is clearly in one language,
 * until someone sets the language by hand. Checked when the body's counts are refreshed (typing
 * has paused) and when the headline or deck change. Gives the function that stops following.
 */
export function followLanguage(session: ArticleSession, bodyText: () => string, bodyChanged: Store<unknown>): () => void {
  const check = () => {
    const meta = session.getMeta();
    const detected = detectLanguage([meta.headline, meta.deck, bodyText()].join('\n'));
    if (detected && detected !== meta.language) session.updateMeta({ language: detected });
  };
  const offBody = bodyChanged.subscribe(check);
  const offMeta = session.subscribeMeta(check);
  return () => {
    offBody();
    offMeta();
  };
}
