/** node:crypto's SHA-256 of a log line: the same digest as the portable one in shared, natively. */
import { createHash } from 'node:crypto';
import type { LineHasher } from '../../../shared/identity/envelope';

export const nativeLineHash: LineHasher = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
