/** How long a passphrase is, counted in characters after NFC normalisation (src/main/services/identity/key-store.ts). */
export const PASSPHRASE_LIMITS = { min: 8, max: 1024 } as const;

export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}
