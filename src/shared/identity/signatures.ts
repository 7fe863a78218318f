/**
 * Signature checking at two depths. Each line's `prev` commits to every earlier line's bytes,
 * signatures included, so a valid signature on the last line of a run signed by one key
 * authenticates the whole run: depth "heads" checks that line of every run (the app's default
 * on load), depth "full" checks every line (the command line). When a run's last signature
 * fails, "heads" checks that run line by line to find the first bad one, so both depths give
 * the same verdict and name the same line; only their cost differs.
 */
import type { Ed25519 } from './ed25519';
import { signatureValid } from './envelope';
import { fault, type CheckedFile, type LogEntry } from './log-files';
import type { PayloadHeader } from './payload';

export type Depth = 'heads' | 'full';
export const DEPTHS: readonly Depth[] = ['heads', 'full'];

/** Public keys by keyid (the keyid is the key's own hash, so this table cannot lie). */
export type PublicKeyLookup = (keyid: string) => Uint8Array | null;

/** Cuts `file` at its first line whose signature does not verify (or whose key is unknown). */
export function checkSignatures<P extends PayloadHeader>(ed: Ed25519, file: CheckedFile<P>, depth: Depth, publicKeyOf: PublicKeyLookup): CheckedFile<P> {
  const entries = file.entries;
  for (let index = 0; index < entries.length; index++) {
    const unknown = entries[index]!.opened.envelope.signatures.find((signature) => publicKeyOf(signature.keyid) === null);
    if (unknown) return cut(file, index, 'unknown-key', `signed by a key that is on no roster (${unknown.keyid.slice(0, 16)}…)`);
  }
  let runStart = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const next = entries[index + 1];
    const endOfRun = !next || signerSet(next) !== signerSet(entry);
    if ((depth === 'full' || endOfRun) && !allSignaturesValid(ed, entry, publicKeyOf)) {
      // Only on damage: find the first bad line of the run, so both depths name the same line.
      let bad = index;
      for (let earlier = depth === 'full' ? index : runStart; earlier < index; earlier++) {
        if (!allSignaturesValid(ed, entries[earlier]!, publicKeyOf)) {
          bad = earlier;
          break;
        }
      }
      return cut(file, bad, 'bad-signature', 'the signature does not verify');
    }
    if (endOfRun) runStart = index + 1;
  }
  return file;
}

function signerSet(entry: LogEntry): string {
  return entry.opened.envelope.signatures.map((signature) => signature.keyid).join(',');
}

/** Each signature checked once per line and key when the entry carries a memo (the keyid is the key's hash, so the key is the same). */
function allSignaturesValid(ed: Ed25519, entry: LogEntry, publicKeyOf: PublicKeyLookup): boolean {
  return entry.opened.envelope.signatures.every((signature) => {
    const known = entry.memo?.signatures.get(signature.keyid);
    if (known !== undefined) return known;
    const valid = signatureValid(ed, entry.opened, signature, publicKeyOf(signature.keyid)!);
    entry.memo?.signatures.set(signature.keyid, valid);
    return valid;
  });
}

/** Keeps the lines before entry `at`; the file is trusted no further. */
function cut<P extends PayloadHeader>(file: CheckedFile<P>, at: number, code: 'unknown-key' | 'bad-signature', detail: string): CheckedFile<P> {
  return { ...file, entries: file.entries.slice(0, at), fault: fault(file.path, file.entries[at]!.line, code, detail) };
}
