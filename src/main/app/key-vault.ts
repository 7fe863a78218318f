import { safeStorage } from 'electron';
import type { KeyVault } from '../services/identity/remembered-keys';

/**
 * "Remember on this computer" through Electron's safeStorage (the system keychain). Refused
 * where it would keep the key in plain text: no encryption, or Linux's `basic_text` backend.
 */
export const safeStorageVault: KeyVault = {
  available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  protect: (secret) => safeStorage.encryptString(Buffer.from(secret).toString('base64')),
  unprotect: (wrapped) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64')),
};
