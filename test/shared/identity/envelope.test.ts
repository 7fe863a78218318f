import { describe, expect, it } from 'vitest';
import { bytesToHex, fromBase64, hexToBytes, toBase64, utf8 } from '../../../src/shared/identity/bytes';
import { ed25519 } from '../../../src/shared/identity/ed25519';
import { envelopeLine, openEnvelope, pae, PAYLOAD_TYPES, payloadBytes, signatureValid, signEnvelope } from '../../../src/shared/identity/envelope';
import { fingerprint, keyidOf, PublicKeySchema, publicKeyRecord } from '../../../src/shared/identity/keys';
import { randomSeed } from '../../helpers/identity';

describe('Ed25519 through libsodium', () => {
  it('gives RFC 8032 test vector 1: key from seed and signature of the empty message', async () => {
    const ed = await ed25519();
    const pair = ed.keyPairFromSeed(hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
    expect(bytesToHex(pair.publicKey)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const signature = ed.sign(new Uint8Array(0), pair.secretKey);
    expect(bytesToHex(signature)).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(ed.verify(signature, new Uint8Array(0), pair.publicKey)).toBe(true);
    signature[0]! ^= 1;
    expect(ed.verify(signature, new Uint8Array(0), pair.publicKey)).toBe(false);
  });

  it('refuses wrong sizes instead of throwing', async () => {
    const ed = await ed25519();
    expect(ed.verify(new Uint8Array(63), new Uint8Array(1), new Uint8Array(32))).toBe(false);
    expect(() => ed.keyPairFromSeed(new Uint8Array(31))).toThrow(/32 bytes/);
  });
});

describe('base64', () => {
  it('round-trips every length and refuses non-canonical and foreign forms', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = randomSeed().subarray(0, Math.min(32, length));
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    expect(fromBase64('QQ==')).toEqual(new Uint8Array([65]));
    expect(fromBase64('QR==')).toBeNull(); // stray bits
    expect(fromBase64('QQ')).toBeNull(); // unpadded
    expect(fromBase64('QQ==\n')).toBeNull();
    expect(fromBase64('Q-_=')).toBeNull(); // URL-safe alphabet
  });
});

describe('envelopes (DSSE)', () => {
  it('encodes PAE as DSSE defines it, with byte lengths', () => {
    expect(new TextDecoder().decode(pae('http://example.com/HelloWorld', utf8('hello world')))).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    expect(new TextDecoder().decode(pae('t', utf8('审')))).toBe('DSSEv1 1 t 3 审');
  });

  it('signs PAE of the exact payload bytes and verifies the stored bytes', async () => {
    const ed = await ed25519();
    const pair = ed.keyPairFromSeed(randomSeed());
    const keyid = keyidOf(pair.publicKey);
    const payload = payloadBytes({ b: 1, a: '审稿' });
    const line = envelopeLine(signEnvelope(ed, PAYLOAD_TYPES.review, payload, [{ keyid, secretKey: pair.secretKey }]));
    const opened = openEnvelope(line);
    if (!opened.ok) throw new Error(opened.detail);
    expect(opened.value.payload).toEqual({ a: '审稿', b: 1 });
    expect(signatureValid(ed, opened.value, opened.value.envelope.signatures[0]!, pair.publicKey)).toBe(true);

    // Another payload type over the same bytes is another message.
    const retyped = openEnvelope(line.replace(PAYLOAD_TYPES.review, PAYLOAD_TYPES.annotation));
    if (!retyped.ok) throw new Error(retyped.detail);
    expect(signatureValid(ed, retyped.value, retyped.value.envelope.signatures[0]!, pair.publicKey)).toBe(false);
  });

  it('verifies the payload bytes as stored, whatever their spelling', async () => {
    const ed = await ed25519();
    const pair = ed.keyPairFromSeed(randomSeed());
    const spaced = utf8('{"a": 1}');
    const line = envelopeLine(signEnvelope(ed, PAYLOAD_TYPES.review, spaced, [{ keyid: keyidOf(pair.publicKey), secretKey: pair.secretKey }]));
    const opened = openEnvelope(line);
    if (!opened.ok) throw new Error(opened.detail);
    expect(opened.value.payloadBytes).toEqual(spaced);
    expect(signatureValid(ed, opened.value, opened.value.envelope.signatures[0]!, pair.publicKey)).toBe(true);
    // Re-serialised, the same object is other bytes: the signature does not cover them.
    const reserialised = openEnvelope(envelopeLine({ ...opened.value.envelope, payload: toBase64(payloadBytes({ a: 1 })) }));
    if (!reserialised.ok) throw new Error(reserialised.detail);
    expect(signatureValid(ed, reserialised.value, reserialised.value.envelope.signatures[0]!, pair.publicKey)).toBe(false);
  });

  it('refuses malformed envelopes with a reason', () => {
    const sig = toBase64(new Uint8Array(64));
    const keyid = 'a'.repeat(64);
    const payload = toBase64(utf8('{}'));
    const good = { payloadType: 't', payload, signatures: [{ keyid, sig }] };
    expect(openEnvelope(JSON.stringify(good)).ok).toBe(true);
    expect(openEnvelope('not json')).toMatchObject({ ok: false, detail: 'the line is not JSON' });
    expect(openEnvelope(JSON.stringify({ ...good, extra: 1 }))).toMatchObject({ ok: false });
    expect(openEnvelope(JSON.stringify({ ...good, signatures: [] }))).toMatchObject({ ok: false });
    expect(openEnvelope(JSON.stringify({ ...good, signatures: [{ keyid, sig }, { keyid, sig }] }))).toMatchObject({ ok: false, detail: 'a key signed twice' });
    expect(openEnvelope(JSON.stringify({ ...good, signatures: [{ keyid: 'A'.repeat(64), sig }] }))).toMatchObject({ ok: false });
    expect(openEnvelope(JSON.stringify({ ...good, signatures: [{ keyid, sig: toBase64(new Uint8Array(63)) }] }))).toMatchObject({ ok: false });
    expect(openEnvelope(`${JSON.stringify(good)}\u00e9`)).toMatchObject({ ok: false });
  });
});

describe('keyids and fingerprints', () => {
  it('are the SHA-256 of the public key, shown as 8 groups of 4 hex digits', async () => {
    const ed = await ed25519();
    const pair = ed.keyPairFromSeed(hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
    const keyid = keyidOf(pair.publicKey);
    expect(keyid).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(keyid)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(fingerprint(keyid).replace(/ /g, '')).toBe(keyid.slice(0, 32));
    expect(PublicKeySchema.safeParse(publicKeyRecord(pair.publicKey)).success).toBe(true);
    expect(PublicKeySchema.safeParse({ ...publicKeyRecord(pair.publicKey), keyid: 'b'.repeat(64) }).success).toBe(false);
  });
});
