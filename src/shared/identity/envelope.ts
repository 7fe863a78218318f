/**
 * Signed envelopes, DSSE-style: the signature covers PAE(payloadType, payload bytes), and the
 * verifier works on the stored bytes, never on a re-serialised object. Writers encode payloads
 * as canonical JSON; readers do not insist on it (the signature is over the bytes as stored).
 */
import { canonicalJson } from '../article/canonical';
import { concatBytes, fromBase64, fromUtf8, HEX_64, sha256Hex, toBase64, utf8 } from './bytes';
import type { Ed25519 } from './ed25519';
import { SIGNATURE_BYTES } from './ed25519-sizes';

export const PAYLOAD_TYPES = {
  roster: 'application/vnd.newsroom.roster+json',
  create: 'application/vnd.newsroom.create+json',
  review: 'application/vnd.newsroom.review+json',
  annotation: 'application/vnd.newsroom.annotation+json',
  ignore: 'application/vnd.newsroom.ignore+json',
  revision: 'application/vnd.newsroom.revision+json',
  trash: 'application/vnd.newsroom.trash+json',
} as const;
export type PayloadKind = keyof typeof PAYLOAD_TYPES;

export interface EnvelopeSignature {
  keyid: string;
  sig: string;
}

export interface Envelope {
  payloadType: string;
  /** Base64 of the exact payload bytes. */
  payload: string;
  signatures: EnvelopeSignature[];
}

/** At most the two signatures of a claim (enrolment key and new key). */
export const MAX_SIGNATURES = 2;
/** A log line longer than this is refused unread (an upgrade attestation of a large workspace fits). */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

/** DSSE's pre-authentication encoding: "DSSEv1" SP len(type) SP type SP len(payload) SP payload. */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8(payloadType);
  return concatBytes(utf8(`DSSEv1 ${type.length} `), type, utf8(` ${payload.length} `), payload);
}

export interface Signer {
  keyid: string;
  /** 64-byte Ed25519 secret key. */
  secretKey: Uint8Array;
}

export function signEnvelope(ed: Ed25519, payloadType: string, payload: Uint8Array, signers: readonly Signer[]): Envelope {
  if (signers.length === 0 || signers.length > MAX_SIGNATURES) throw new Error('an envelope has one or two signatures');
  const message = pae(payloadType, payload);
  return {
    payloadType,
    payload: toBase64(payload),
    signatures: signers.map((signer) => ({ keyid: signer.keyid, sig: toBase64(ed.sign(message, signer.secretKey)) })),
  };
}

/** The payload bytes a writer signs: canonical JSON of the payload object. */
export function payloadBytes(payload: unknown): Uint8Array {
  return utf8(canonicalJson(payload));
}

/** One envelope as one log line, fields in a fixed order (ASCII only: base64, hex and the type). */
export function envelopeLine(envelope: Envelope): string {
  return JSON.stringify({
    payloadType: envelope.payloadType,
    payload: envelope.payload,
    signatures: envelope.signatures.map((signature) => ({ keyid: signature.keyid, sig: signature.sig })),
  });
}

/** Hex SHA-256 of a line's UTF-8 bytes (without its newline): what `prev` and `parents` name. */
export type LineHasher = (text: string) => string;

/**
 * The portable SHA-256 (JavaScript, from @noble/hashes). Main and the command line may pass
 * node:crypto's instead (native, about twice as fast here): the digest is the same.
 */
export function lineHash(text: string): string {
  return sha256Hex(utf8(text));
}

export interface OpenedEnvelope {
  envelope: Envelope;
  payloadBytes: Uint8Array;
  /** The payload parsed from its bytes; its shape is checked by the schemas, not here. */
  payload: unknown;
}

export type Opened = { ok: true; value: OpenedEnvelope } | { ok: false; detail: string };

/** Parses one stored line strictly; the signatures are checked separately (`signatureValid`). */
export function openEnvelope(text: string): Opened {
  if (text.length > MAX_LINE_CHARS) return { ok: false, detail: 'the line is too long' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'the line is not JSON' };
  }
  const shape = envelopeShapeProblem(raw);
  if (shape) return { ok: false, detail: shape };
  const envelope = raw as Envelope;
  const bytes = fromBase64(envelope.payload);
  if (!bytes) return { ok: false, detail: 'the payload is not base64' };
  let payload: unknown;
  try {
    payload = JSON.parse(fromUtf8(bytes));
  } catch {
    return { ok: false, detail: 'the payload is not UTF-8 JSON' };
  }
  return { ok: true, value: { envelope, payloadBytes: bytes, payload } };
}

const ENVELOPE_KEYS = ['payload', 'payloadType', 'signatures'] as const;
const SIGNATURE_KEYS = ['keyid', 'sig'] as const;

/** `record` has these own keys and no others (checked on every line read: no sorting, no joining). */
function exactKeys(record: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(record).length === keys.length && keys.every((key) => Object.hasOwn(record, key));
}

function envelopeShapeProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'the line is not an envelope';
  const record = raw as Record<string, unknown>;
  if (!exactKeys(record, ENVELOPE_KEYS)) return 'the envelope has missing or extra fields';
  if (typeof record.payloadType !== 'string' || typeof record.payload !== 'string') return 'the envelope has missing or extra fields';
  const signatures = record.signatures;
  if (!Array.isArray(signatures) || signatures.length === 0 || signatures.length > MAX_SIGNATURES) return 'the envelope has no signature, or too many';
  for (const signature of signatures) {
    if (typeof signature !== 'object' || signature === null) return 'a signature is malformed';
    const entry = signature as Record<string, unknown>;
    if (!exactKeys(entry, SIGNATURE_KEYS)) return 'a signature is malformed';
    if (typeof entry.keyid !== 'string' || !HEX_64.test(entry.keyid)) return 'a signature keyid is malformed';
    if (typeof entry.sig !== 'string' || fromBase64(entry.sig)?.length !== SIGNATURE_BYTES) return 'a signature is malformed';
  }
  if (new Set(signatures.map((signature) => (signature as EnvelopeSignature).keyid)).size !== signatures.length) return 'a key signed twice';
  return null;
}

/** Does `signature` verify over PAE(type, payload) under `publicKey`? */
export function signatureValid(ed: Ed25519, opened: OpenedEnvelope, signature: EnvelopeSignature, publicKey: Uint8Array): boolean {
  const sig = fromBase64(signature.sig);
  if (!sig) return false;
  return ed.verify(sig, pae(opened.envelope.payloadType, opened.payloadBytes), publicKey);
}
