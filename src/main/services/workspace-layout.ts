import { join } from 'node:path';
import { KEYS_DIR, ROSTER_DIR } from '../../shared/identity/layout';

/** Where everything lives inside a workspace folder; see docs/storage.md. */
export function workspaceLayout(root: string) {
  return {
    root,
    manifest: join(root, 'workspace.json'),
    roster: join(root, ROSTER_DIR),
    keys: join(root, KEYS_DIR),
    articles: join(root, 'articles'),
    assets: join(root, 'assets'),
    articleDir: (id: string) => join(root, 'articles', id),
    /** Format 1: the newsroom list, and the trash folder an upgrade empties into articles/. */
    people: join(root, 'people.json'),
    trash: join(root, 'trash'),
    trashDir: (id: string) => join(root, 'trash', id),
  };
}
export type WorkspaceLayout = ReturnType<typeof workspaceLayout>;

/** Format 1's files in an article's folder: read (never written) after the upgrade. */
export const ARTICLE_FILE = 'article.json';
export const SUMMARY_FILE = 'summary.json';
export const TRASHED_FILE = 'trashed.json';
