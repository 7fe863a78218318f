/**
 * A person's key while they are signed in: the only place a secret key lives in memory, for
 * one window session. Lock zero-fills it; nothing here is ever logged or sent to the page.
 */
import type { Signer } from '../../../shared/identity/envelope';
import { fingerprint } from '../../../shared/identity/keys';

export class LockedKeyError extends Error {
  constructor() {
    super('the key is locked');
    this.name = 'LockedKeyError';
  }
}

export class UnlockedKey {
  private secret: Uint8Array | null;

  constructor(
    readonly personId: string,
    readonly keyid: string,
    readonly publicKey: Uint8Array,
    /** Taken over (not copied): the caller must not keep or reuse it. */
    secretKey: Uint8Array,
  ) {
    this.secret = secretKey;
  }

  get fingerprint(): string {
    return fingerprint(this.keyid);
  }

  get locked(): boolean {
    return this.secret === null;
  }

  /** Runs `task` with the key as a signer; refused once locked. The signer must not outlive the call. */
  use<T>(task: (signer: Signer) => T): T {
    if (!this.secret) throw new LockedKeyError();
    return task({ keyid: this.keyid, secretKey: this.secret });
  }

  /** Zero-fills the secret key and forgets it. */
  lock(): void {
    this.secret?.fill(0);
    this.secret = null;
  }

  /** Keeps the secret out of JSON, logs and structured clones by accident. */
  toJSON(): { personId: string; keyid: string; locked: boolean } {
    return { personId: this.personId, keyid: this.keyid, locked: this.locked };
  }
}
