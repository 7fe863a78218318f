/** A lease file's text: the payload as canonical JSON, in an envelope signed by its person. */
import type { Ed25519 } from '../identity/ed25519';
import { envelopeLine, payloadBytes, signEnvelope, type Signer } from '../identity/envelope';
import { LEASE_PAYLOAD_TYPE, type LeasePayload } from './lease-file';

export function leaseText(ed: Ed25519, payload: LeasePayload, signer: Signer): string {
  return `${envelopeLine(signEnvelope(ed, LEASE_PAYLOAD_TYPE, payloadBytes(payload), [signer]))}\n`;
}
