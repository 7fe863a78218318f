import { z } from '../zod';
import { fromBase64, HEX_64, sha256Hex, toBase64 } from './bytes';
import { PUBLIC_KEY_BYTES } from './ed25519-sizes';

/** keyid: hex SHA-256 of the 32-byte public key. */
export function keyidOf(publicKey: Uint8Array): string {
  return sha256Hex(publicKey);
}

/** Fingerprints already worked out: a verification names the same few keys on every record. */
const fingerprints = new Map<string, string>();

/** What people compare by eye: the first 16 bytes of the keyid in groups of 4 hex digits. */
export function fingerprint(keyid: string): string {
  let known = fingerprints.get(keyid);
  if (known === undefined) {
    known = (keyid.slice(0, 32).match(/.{4}/g) ?? []).join(' ');
    if (fingerprints.size >= 4_096) fingerprints.clear();
    fingerprints.set(keyid, known);
  }
  return known;
}

export const KeyidSchema = z.string().regex(HEX_64, 'not a keyid (SHA-256 hex)');

/** A public key as roster events carry it: its keyid and its bytes in base64. */
export const PublicKeySchema = z
  .strictObject({ keyid: KeyidSchema, publicKey: z.string().max(64) })
  .refine((key) => {
    const bytes = fromBase64(key.publicKey);
    return bytes !== null && bytes.length === PUBLIC_KEY_BYTES && keyidOf(bytes) === key.keyid;
  }, 'the keyid is not the SHA-256 of a 32-byte public key');
export type PublicKeyRecord = z.infer<typeof PublicKeySchema>;

export function publicKeyRecord(publicKey: Uint8Array): PublicKeyRecord {
  return { keyid: keyidOf(publicKey), publicKey: toBase64(publicKey) };
}

export function publicKeyBytes(record: PublicKeyRecord): Uint8Array {
  const bytes = fromBase64(record.publicKey);
  if (!bytes) throw new Error('not a base64 public key');
  return bytes;
}
