import { join } from 'node:path';

/** Where everything lives inside a workspace folder; see docs/storage.md. */
export function workspaceLayout(root: string) {
  return {
    root,
    manifest: join(root, 'workspace.json'),
    people: join(root, 'people.json'),
    articles: join(root, 'articles'),
    trash: join(root, 'trash'),
    assets: join(root, 'assets'),
    articleDir: (id: string) => join(root, 'articles', id),
    trashDir: (id: string) => join(root, 'trash', id),
  };
}
export type WorkspaceLayout = ReturnType<typeof workspaceLayout>;

export const ARTICLE_FILE = 'article.json';
export const SUMMARY_FILE = 'summary.json';
export const TRASHED_FILE = 'trashed.json';
