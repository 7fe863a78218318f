import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'fflate';
import type { DeltaOp } from './delta';

/**
 * A history blob: one revision's lines in full (a snapshot) or a delta against the
 * revision before, as JSON, gzip-compressed, and named by the SHA-256 of its own bytes.
 * gzip (rather than raw deflate) so that `zcat` can read a blob when nothing else can.
 */
export type BlobBody = { v: 1; t: 'snapshot'; lines: string[] } | { v: 1; t: 'delta'; ops: DeltaOp[] };

export function sha256Bytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function encodeBlob(body: BlobBody): { id: string; bytes: Uint8Array } {
  // mtime 0 keeps the bytes (and so the name) a function of the content alone.
  const bytes = gzipSync(new TextEncoder().encode(JSON.stringify(body)), { level: 9, mtime: 0 });
  return { id: sha256Bytes(bytes), bytes };
}

/** Checks the bytes against the blob's name, then decodes them; throws with the reason. */
export function decodeBlob(id: string, bytes: Uint8Array): BlobBody {
  if (sha256Bytes(bytes) !== id) throw new Error('its bytes do not match its name (the file was altered or damaged)');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes)));
  } catch {
    throw new Error('it cannot be decompressed or read');
  }
  const body = value as Partial<{ v: number; t: string; lines: unknown; ops: unknown }> | null;
  if (body?.v === 1 && body.t === 'snapshot' && Array.isArray(body.lines) && body.lines.every((line) => typeof line === 'string')) {
    return body as BlobBody;
  }
  if (body?.v === 1 && body.t === 'delta' && Array.isArray(body.ops)) return body as BlobBody;
  throw new Error('it is not a history snapshot or delta');
}

/** Blobs found intact, by path, while they keep their size and time: a blob is never rewritten. */
const intactBlobs = new Map<string, string>();

/** Why the blob at `path` cannot be used, or null when it is there and matches its name. */
export async function blobProblem(path: string, id: string): Promise<string | null> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) return info.code === 'ENOENT' ? 'is missing' : `cannot be read (${info.message})`;
  const key = `${info.size}:${info.mtimeMs}`;
  if (intactBlobs.get(path) === key) return null;
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) return 'cannot be read';
  if (sha256Bytes(bytes) !== id) return 'is damaged (its bytes do not match its name)';
  intactBlobs.set(path, key);
  if (intactBlobs.size > 4096) intactBlobs.delete(intactBlobs.keys().next().value!);
  return null;
}
