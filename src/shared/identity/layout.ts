/** Where the signed logs and keys live in a workspace (paths relative to its root, with "/"). */
import { ARTICLE_ID_PATTERN } from '../article/ids';
import { PERSON_ID_PATTERN } from '../review/people';
import { HEX_64 } from './bytes';

export const ROSTER_DIR = 'roster';
export const KEYS_DIR = 'keys';

export function articleLogDir(articleId: string): string {
  if (!ARTICLE_ID_PATTERN.test(articleId)) throw new Error('not an article id');
  return `articles/${articleId}/log`;
}

export function keyFilePath(personId: string, keyid: string): string {
  if (!PERSON_ID_PATTERN.test(personId) || !HEX_64.test(keyid)) throw new Error('not a person id and keyid');
  return `${KEYS_DIR}/${personId}/${keyid}.json`;
}
