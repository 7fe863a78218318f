/**
 * Desktop only, off by default: "remember on this computer" keeps a person's key in the app's
 * data folder, wrapped by the operating system's keychain (Electron's safeStorage, passed in
 * as a `KeyVault` from src/main/app), so they sign in without typing their passphrase. Refused
 * where the keychain is not a real one (safeStorage's plain-text backend on Linux).
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ed25519 } from '../../../shared/identity/ed25519';
import { SEED_BYTES } from '../../../shared/identity/ed25519-sizes';
import { keyidOf } from '../../../shared/identity/keys';
import { WORKSPACE_ID_PATTERN } from '../../../shared/identity/roster-events';
import { PERSON_ID_PATTERN } from '../../../shared/review/people';
import { writeFileAtomic } from '../atomic-write';
import { UnlockedKey } from './unlocked-key';

export interface KeyVault {
  /** Whether keys can be kept safely here (a real keychain, not plain text). */
  available(): boolean;
  protect(secret: Uint8Array): Uint8Array;
  unprotect(wrapped: Uint8Array): Uint8Array;
}

export const REMEMBERED_DIR = 'remembered';

export class RememberedKeys {
  constructor(
    private readonly dataDir: string,
    private readonly vault: KeyVault,
    private readonly ed: Ed25519,
  ) {}

  available(): boolean {
    return this.vault.available();
  }

  /** The people whose key this computer remembers for the workspace. */
  async people(workspaceId: string): Promise<string[]> {
    const names = await readdir(this.dir(workspaceId)).catch(() => [] as string[]);
    return names.map((name) => /^(u-[a-z0-9]{6,32})\.key$/.exec(name)?.[1]).filter((id): id is string => id !== undefined).sort();
  }

  async remember(workspaceId: string, key: UnlockedKey): Promise<void> {
    if (!this.vault.available()) throw new Error('this computer has no keychain to keep a key in');
    const wrapped = key.use((signer) => this.vault.protect(signer.secretKey.subarray(0, SEED_BYTES)));
    await mkdir(this.dir(workspaceId), { recursive: true });
    await writeFileAtomic(this.path(workspaceId, key.personId), wrapped);
  }

  /** The remembered key of `personId`, if it is still the key `keyid`; null otherwise. */
  async recall(workspaceId: string, personId: string, keyid: string): Promise<UnlockedKey | null> {
    if (!this.vault.available()) return null;
    const wrapped = await readFile(this.path(workspaceId, personId)).catch(() => null);
    if (!wrapped) return null;
    let seed: Uint8Array;
    try {
      seed = this.vault.unprotect(wrapped);
    } catch {
      return null;
    }
    try {
      if (seed.length !== SEED_BYTES) return null;
      const pair = this.ed.keyPairFromSeed(seed);
      if (keyidOf(pair.publicKey) !== keyid) {
        pair.secretKey.fill(0);
        return null;
      }
      return new UnlockedKey(personId, keyid, pair.publicKey, pair.secretKey);
    } finally {
      seed.fill(0);
    }
  }

  async forget(workspaceId: string, personId: string): Promise<void> {
    await rm(this.path(workspaceId, personId), { force: true });
  }

  private dir(workspaceId: string): string {
    if (!WORKSPACE_ID_PATTERN.test(workspaceId)) throw new Error('not a workspace id');
    return join(this.dataDir, REMEMBERED_DIR, workspaceId);
  }

  private path(workspaceId: string, personId: string): string {
    if (!PERSON_ID_PATTERN.test(personId)) throw new Error('not a person id');
    return join(this.dir(workspaceId), `${personId}.key`);
  }
}
