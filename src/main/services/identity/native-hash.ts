/** node:crypto's SHA-256 of a log line: the same digest as the portable one in shared, natively. */
import * as crypto from 'node:crypto';
import type { LineHasher } from '../../../shared/identity/envelope';

/** One-shot hashing (Node ≥ 20.12, Electron's Node) saves building a Hash object per line; createHash where it is missing. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export const nativeLineHash: LineHasher = oneShot ? (text) => oneShot('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
