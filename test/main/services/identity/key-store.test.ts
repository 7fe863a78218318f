import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ed25519, type Ed25519 } from '../../../../src/shared/identity/ed25519';
import { keyFilePath } from '../../../../src/shared/identity/layout';
import { KeyStore, KeyStoreError } from '../../../../src/main/services/identity/key-store';
import { LockedKeyError } from '../../../../src/main/services/identity/unlocked-key';
import { useTempDirs } from '../../../helpers/temp-dir';

const PASSPHRASE = 'correct horse battery staple';
const PERSON = 'u-wangli01';
const NOW = new Date('2026-03-01T08:00:00.000Z');

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KeyStoreError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

describe('the key store', () => {
  const tempDir = useTempDirs('newsroom-keys-');
  let ed: Ed25519;
  beforeAll(async () => {
    ed = await ed25519();
  });

  it('stores a key encrypted under the passphrase with scrypt N=2^17 r=8 p=1 and AES-256-GCM, and unlocks it', async () => {
    const workspace = await tempDir();
    const store = new KeyStore(workspace, ed);
    const created = await store.generate(PERSON, PASSPHRASE, NOW);
    const file = JSON.parse(await readFile(join(workspace, keyFilePath(PERSON, created.keyid)), 'utf8'));
    expect(file).toMatchObject({ format: 1, personId: PERSON, keyid: created.keyid, kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' }, createdAt: NOW.toISOString() });
    expect(await store.list(PERSON)).toEqual([created.keyid]);

    const unlocked = await store.unlock(PERSON, created.keyid, PASSPHRASE);
    expect(unlocked.publicKey).toEqual(created.publicKey);
    const message = new TextEncoder().encode('审稿');
    const signature = unlocked.use((signer) => ed.sign(message, signer.secretKey));
    expect(ed.verify(signature, message, created.publicKey)).toBe(true);

    // A wrong passphrase is refused; so is the right one after a change, while the new one works.
    expect(await refusal(store.unlock(PERSON, created.keyid, 'correct horse battery stapler'))).toBe('wrong-passphrase');
    await store.changePassphrase(PERSON, created.keyid, PASSPHRASE, 'a new passphrase for 2026');
    expect(await refusal(store.unlock(PERSON, created.keyid, PASSPHRASE))).toBe('wrong-passphrase');
    const again = await store.unlock(PERSON, created.keyid, 'a new passphrase for 2026');
    expect(again.keyid).toBe(created.keyid);
    expect(await refusal(store.changePassphrase(PERSON, created.keyid, 'not it at all', 'whatever else 1'))).toBe('wrong-passphrase');
  });

  it('refuses short passphrases', async () => {
    const store = new KeyStore(await tempDir(), ed);
    expect(await refusal(store.generate(PERSON, 'short', NOW))).toBe('weak-passphrase');
  });

  it('zero-fills the secret key on lock and refuses to sign afterwards', async () => {
    const store = new KeyStore(await tempDir(), ed);
    const key = await store.generate(PERSON, PASSPHRASE, NOW);
    const held = key.use((signer) => signer.secretKey);
    expect(held.some((byte) => byte !== 0)).toBe(true);
    expect(JSON.stringify(key)).toBe(JSON.stringify({ personId: PERSON, keyid: key.keyid, locked: false }));
    key.lock();
    expect(held.every((byte) => byte === 0)).toBe(true);
    expect(key.locked).toBe(true);
    expect(() => key.use(() => undefined)).toThrow(LockedKeyError);
  });

  it('refuses stored parameters out of bounds (a hostile file cannot stall the app or weaken the key) and damaged files', async () => {
    const workspace = await tempDir();
    const store = new KeyStore(workspace, ed);
    const key = await store.generate(PERSON, PASSPHRASE, NOW);
    const path = join(workspace, keyFilePath(PERSON, key.keyid));
    const original = JSON.parse(await readFile(path, 'utf8'));
    for (const kdf of [{ N: 2 ** 21 }, { N: 2 ** 16 }, { N: 131071 }, { r: 64 }, { r: 1 }, { p: 16 }, { salt: 'AAAA' }]) {
      await writeFile(path, JSON.stringify({ ...original, kdf: { ...original.kdf, ...kdf } }));
      expect(await refusal(store.unlock(PERSON, key.keyid, PASSPHRASE))).toBe('damaged-key-file');
    }
    await writeFile(path, '{"format":1');
    expect(await refusal(store.read(PERSON, key.keyid))).toBe('damaged-key-file');
    expect(await refusal(store.read(PERSON, 'f'.repeat(64)))).toBe('no-key');
  });

  it('binds a key file to its person and keyid: moved or relabelled, it does not open', async () => {
    const workspace = await tempDir();
    const store = new KeyStore(workspace, ed);
    const key = await store.generate(PERSON, PASSPHRASE, NOW);
    const source = join(workspace, keyFilePath(PERSON, key.keyid));
    const other = 'u-zhaomin01';
    await mkdir(join(workspace, 'keys', other), { recursive: true });
    await copyFile(source, join(workspace, keyFilePath(other, key.keyid)));
    expect(await refusal(store.unlock(other, key.keyid, PASSPHRASE))).toBe('damaged-key-file');
    // Relabelled inside as well, the associated data no longer matches: the passphrase cannot open it.
    const relabelled = { ...JSON.parse(await readFile(source, 'utf8')), personId: other };
    await writeFile(join(workspace, keyFilePath(other, key.keyid)), JSON.stringify(relabelled));
    expect(await refusal(store.unlock(other, key.keyid, PASSPHRASE))).toBe('wrong-passphrase');
  });
});
