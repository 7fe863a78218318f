/**
 * Ed25519 over libsodium (WebAssembly): the same code and the same verdicts in Node (tests,
 * command line) and in Electron's main process. Verification is libsodium's strict one
 * (canonical encodings, no small-order keys). Only main, the command line and tests obtain
 * it: the page never signs or verifies, so the renderer bundle never includes it (eslint).
 */
import sodium from 'libsodium-wrappers';
import { PUBLIC_KEY_BYTES, SECRET_KEY_BYTES, SEED_BYTES, SIGNATURE_BYTES } from './ed25519-sizes';

export interface KeyPair {
  publicKey: Uint8Array;
  /** libsodium's 64-byte form (seed followed by public key): zero-fill it when done. */
  secretKey: Uint8Array;
}

export interface Ed25519 {
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  keyPairFromSeed(seed: Uint8Array): KeyPair;
}

let instance: Promise<Ed25519> | undefined;

/** The one Ed25519 implementation, ready to use (the WebAssembly module loads once). */
export function ed25519(): Promise<Ed25519> {
  instance ??= sodium.ready.then(() => implementation);
  return instance;
}

const implementation: Ed25519 = {
  sign(message, secretKey) {
    if (secretKey.length !== SECRET_KEY_BYTES) throw new Error('an Ed25519 secret key is 64 bytes');
    return sodium.crypto_sign_detached(message, secretKey);
  },
  verify(signature, message, publicKey) {
    if (signature.length !== SIGNATURE_BYTES || publicKey.length !== PUBLIC_KEY_BYTES) return false;
    try {
      return sodium.crypto_sign_verify_detached(signature, message, publicKey);
    } catch {
      return false;
    }
  },
  keyPairFromSeed(seed) {
    if (seed.length !== SEED_BYTES) throw new Error('an Ed25519 seed is 32 bytes');
    const pair = sodium.crypto_sign_seed_keypair(seed);
    return { publicKey: pair.publicKey, secretKey: pair.privateKey };
  },
};
