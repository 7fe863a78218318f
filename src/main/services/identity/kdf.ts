/**
 * The passphrase KDF: scrypt at OWASP's minimum (N = 2^17, r = 8, p = 1: 128 MiB, about a third
 * of a second here), through node:crypto's asynchronous scrypt, which runs off the main thread.
 * Parameters read from a key file are bounded, so a hostile file cannot make the app stall or
 * exhaust memory, nor downgrade a key below the minimum.
 */
import { scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { z } from '../../../shared/zod';

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

export const SCRYPT_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;

/** What a key file may ask for: at least the defaults, at most 8× their work and memory. */
export const SCRYPT_BOUNDS = { N: { min: 2 ** 17, max: 2 ** 20 }, r: { min: 8, max: 16 }, p: { min: 1, max: 4 } } as const;

const powerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

export const ScryptParamsSchema = z.strictObject({
  name: z.literal('scrypt'),
  N: z.number().int().min(SCRYPT_BOUNDS.N.min).max(SCRYPT_BOUNDS.N.max).refine(powerOfTwo, 'N is a power of two'),
  r: z.number().int().min(SCRYPT_BOUNDS.r.min).max(SCRYPT_BOUNDS.r.max),
  p: z.number().int().min(SCRYPT_BOUNDS.p.min).max(SCRYPT_BOUNDS.p.max),
  /** Base64 of 16 random bytes. */
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/, 'a salt is 16 bytes in base64'),
});
export type ScryptParams = z.infer<typeof ScryptParamsSchema>;

/** The 32-byte key-encryption key for `passphrase` (NFC-normalised, so one passphrase has one spelling). */
export function deriveKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(Buffer.from(passphrase.normalize('NFC'), 'utf8'), Buffer.from(params.salt, 'base64'), KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
