import { z } from '../zod';

export const ARTICLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{7,63}$/;
export const ASSET_ID_PATTERN = /^[a-f0-9]{64}$/;

export const ArticleIdSchema = z.string().regex(ARTICLE_ID_PATTERN, 'not an article id');
export const AssetIdSchema = z.string().regex(ASSET_ID_PATTERN, 'not an asset id (SHA-256 hex)');

export function isAssetId(value: string): boolean {
  return ASSET_ID_PATTERN.test(value);
}

export function isArticleId(value: string): boolean {
  return ARTICLE_ID_PATTERN.test(value);
}
