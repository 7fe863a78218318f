/**
 * Private keys in the workspace (`keys/<personId>/<keyid>.json`, written only by that person),
 * encrypted under the person's passphrase: scrypt → AES-256-GCM with the person id and keyid as
 * associated data, so a file moved to another person or key does not decrypt. Only the 32-byte
 * seed is stored, encrypted; decryption happens here, in the main process, and nowhere else.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fromBase64, HEX_64, toBase64 } from '../../../shared/identity/bytes';
import type { Ed25519 } from '../../../shared/identity/ed25519';
import { SEED_BYTES } from '../../../shared/identity/ed25519-sizes';
import { keyidOf } from '../../../shared/identity/keys';
import { KEYS_DIR, keyFilePath } from '../../../shared/identity/layout';
import { PASSPHRASE_LIMITS, passphraseLength } from '../../../shared/identity/passphrase';
import { PERSON_ID_PATTERN } from '../../../shared/review/people';
import { z } from '../../../shared/zod';
import { writeFileAtomic } from '../atomic-write';
import { readJsonFile } from '../json-file';
import { deriveKey, SALT_BYTES, SCRYPT_DEFAULTS, ScryptParamsSchema, type ScryptParams } from './kdf';
import { UnlockedKey } from './unlocked-key';

export const KEY_FILE_FORMAT = 1;
export const PASSPHRASE_MIN = PASSPHRASE_LIMITS.min;
export const PASSPHRASE_MAX = PASSPHRASE_LIMITS.max;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

const b64 = (bytes: number) => z.string().refine((text) => fromBase64(text)?.length === bytes, `not ${bytes} bytes in base64`);

export const KeyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  personId: z.string().regex(PERSON_ID_PATTERN),
  keyid: z.string().regex(HEX_64),
  publicKey: b64(32),
  kdf: ScryptParamsSchema,
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), nonce: b64(NONCE_BYTES), ciphertext: b64(SEED_BYTES), tag: b64(TAG_BYTES) }),
  createdAt: z.iso.datetime(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

export type KeyStoreErrorCode = 'wrong-passphrase' | 'weak-passphrase' | 'damaged-key-file' | 'no-key';

export class KeyStoreError extends Error {
  constructor(
    readonly code: KeyStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

export class KeyStore {
  constructor(
    private readonly workspace: string,
    private readonly ed: Ed25519,
  ) {}

  /** A new key pair for `personId`, stored under `passphrase`; returned unlocked. */
  async generate(personId: string, passphrase: string, now: Date): Promise<UnlockedKey> {
    const seed = new Uint8Array(SEED_BYTES);
    globalThis.crypto.getRandomValues(seed);
    try {
      return await this.store(personId, seed, passphrase, now);
    } finally {
      seed.fill(0);
    }
  }

  /** Stores the key pair of `seed` (the seed itself is left for the caller to zero-fill); returned unlocked. */
  async store(personId: string, seed: Uint8Array, passphrase: string, now: Date): Promise<UnlockedKey> {
    checkPassphrase(passphrase);
    const pair = this.ed.keyPairFromSeed(seed);
    const keyid = keyidOf(pair.publicKey);
    const file = await sealSeed({ personId, keyid, publicKey: pair.publicKey, seed, passphrase, createdAt: now.toISOString() });
    await mkdir(join(this.workspace, KEYS_DIR, personId), { recursive: true });
    await writeFileAtomic(this.path(personId, keyid), `${JSON.stringify(file, null, 2)}\n`);
    return new UnlockedKey(personId, keyid, pair.publicKey, pair.secretKey);
  }

  /** The keyids of `personId`'s key files. */
  async list(personId: string): Promise<string[]> {
    if (!PERSON_ID_PATTERN.test(personId)) throw new KeyStoreError('no-key', 'not a person id');
    const names = await readdir(join(this.workspace, KEYS_DIR, personId)).catch(() => [] as string[]);
    return names
      .map((name) => /^([0-9a-f]{64})\.json$/.exec(name)?.[1])
      .filter((keyid): keyid is string => keyid !== undefined)
      .sort();
  }

  /** The key file, validated (parameters within bounds, sizes right, names matching). */
  async read(personId: string, keyid: string): Promise<KeyFile> {
    const read = await readJsonFile(this.path(personId, keyid), KeyFileSchema);
    if (!read.ok) throw new KeyStoreError(read.missing ? 'no-key' : 'damaged-key-file', `${keyFilePath(personId, keyid)}: ${read.problem}`);
    const file = read.value;
    if (file.personId !== personId || file.keyid !== keyid || keyidOf(fromBase64(file.publicKey)!) !== keyid) {
      throw new KeyStoreError('damaged-key-file', `${keyFilePath(personId, keyid)} is not the key its name says`);
    }
    return file;
  }

  /** Decrypts the key with `passphrase`; a wrong passphrase is refused. */
  async unlock(personId: string, keyid: string, passphrase: string): Promise<UnlockedKey> {
    const file = await this.read(personId, keyid);
    const seed = await openSeed(file, passphrase);
    try {
      const pair = this.ed.keyPairFromSeed(seed);
      if (keyidOf(pair.publicKey) !== keyid) {
        pair.secretKey.fill(0);
        throw new KeyStoreError('damaged-key-file', `${keyFilePath(personId, keyid)} does not hold the key its name says`);
      }
      return new UnlockedKey(personId, keyid, pair.publicKey, pair.secretKey);
    } finally {
      seed.fill(0);
    }
  }

  /**
   * Re-encrypts the same key under a new passphrase (one writer: the person). It does not rotate
   * the key: after a passphrase has been disclosed, re-enrol, which revokes the key.
   */
  async changePassphrase(personId: string, keyid: string, oldPassphrase: string, newPassphrase: string): Promise<void> {
    checkPassphrase(newPassphrase);
    const file = await this.read(personId, keyid);
    const seed = await openSeed(file, oldPassphrase);
    try {
      const resealed = await sealSeed({ personId, keyid, publicKey: fromBase64(file.publicKey)!, seed, passphrase: newPassphrase, createdAt: file.createdAt });
      await writeFileAtomic(this.path(personId, keyid), `${JSON.stringify(resealed, null, 2)}\n`);
    } finally {
      seed.fill(0);
    }
  }

  private path(personId: string, keyid: string): string {
    return join(this.workspace, ...keyFilePath(personId, keyid).split('/'));
  }
}

export function checkPassphrase(passphrase: string): void {
  const length = passphraseLength(passphrase);
  if (length < PASSPHRASE_MIN || length > PASSPHRASE_MAX) {
    throw new KeyStoreError('weak-passphrase', `a passphrase has ${PASSPHRASE_MIN} to ${PASSPHRASE_MAX} characters`);
  }
}

function associatedData(personId: string, keyid: string): Buffer {
  return Buffer.from(`newsroom key v1\n${personId}\n${keyid}`, 'utf8');
}

async function sealSeed(args: { personId: string; keyid: string; publicKey: Uint8Array; seed: Uint8Array; passphrase: string; createdAt: string }): Promise<KeyFile> {
  const kdf: ScryptParams = { name: 'scrypt', ...SCRYPT_DEFAULTS, salt: randomBytes(SALT_BYTES).toString('base64') };
  const kek = await deriveKey(args.passphrase, kdf);
  try {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, nonce);
    cipher.setAAD(associatedData(args.personId, args.keyid));
    const ciphertext = Buffer.concat([cipher.update(args.seed), cipher.final()]);
    return {
      format: KEY_FILE_FORMAT,
      personId: args.personId,
      keyid: args.keyid,
      publicKey: toBase64(args.publicKey),
      kdf,
      cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
      createdAt: args.createdAt,
    };
  } finally {
    kek.fill(0);
  }
}

async function openSeed(file: KeyFile, passphrase: string): Promise<Uint8Array> {
  const kek = await deriveKey(passphrase, file.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(file.cipher.nonce, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(file.personId, file.keyid));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    const first = decipher.update(Buffer.from(file.cipher.ciphertext, 'base64'));
    let last: Buffer;
    try {
      last = decipher.final();
    } catch {
      first.fill(0);
      throw new KeyStoreError('wrong-passphrase', 'the passphrase is not right');
    }
    const combined = Buffer.concat([first, last]);
    const seed = new Uint8Array(combined);
    for (const buffer of [first, last, combined]) buffer.fill(0);
    return seed;
  } finally {
    kek.fill(0);
  }
}
