import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { dispatch, type Caller } from '../../../src/main/handlers';
import { RememberedKeys, type KeyVault } from '../../../src/main/services/identity/remembered-keys';
import type { SettingsStore } from '../../../src/main/services/settings-store';
import type { ApiInput, ApiName } from '../../../src/shared/contract/api';
import { bytesToHex, toBase64 } from '../../../src/shared/identity/bytes';
import { ed25519 } from '../../../src/shared/identity/ed25519';
import { parseEnrolmentCode } from '../../../src/shared/identity/enrolment-code';
import { snapshotTree } from '../../helpers/files';
import { FIRST_PERSON, openApp, passphraseOf, tempApp } from '../../helpers/handlers';
import { newsroom, signedOffArticle, STAFF } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('desk-handlers-');

/** A clock the test moves by hand. */
function handClock(start = '2025-05-01T08:00:00.000Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

async function ok<N extends ApiName>(app: { handlers: Parameters<typeof dispatch>[0] }, caller: Caller, name: N, input: ApiInput<N>) {
  const result = await dispatch(app.handlers, name, input, caller);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as { currentUser: { id: string; name: string } | null; fingerprint: string | null };
}

async function refusal<N extends ApiName>(app: { handlers: Parameters<typeof dispatch>[0] }, caller: Caller, name: N, input: ApiInput<N>) {
  const result = await dispatch(app.handlers, name, input, caller);
  if (result.ok) throw new Error(`${name} should have been refused`);
  return result.error;
}

describe('a new workspace', { timeout: 60_000 }, () => {
  it('is set up by its first person with a passphrase, who is signed in at that window as its administrator; only once', async () => {
    const root = await tempDir();
    const app = await openApp(root);
    const window = { session: app.sessions.open() };
    expect((await ok(app, window, 'getSession', {})) as unknown).toMatchObject({ status: 'new', currentUser: null });
    const session = await ok(app, window, 'setUpWorkspace', { name: '林晓岚', passphrase: passphraseOf('林晓岚') });
    expect(session).toMatchObject({ status: 'ready', currentUser: { name: '林晓岚', roles: ['reporter', 'admin'] } });
    expect(window.session.personId).toBe(session.currentUser!.id);
    expect(await refusal(app, { session: app.sessions.open() }, 'setUpWorkspace', { name: '周明远', passphrase: passphraseOf('周明远') })).toMatchObject({ refusal: { code: 'already-set-up' } });
  });
});

describe('signing in at a window', { timeout: 60_000 }, () => {
  it('takes the person’s own passphrase; a wrong one is refused, the window stays locked and nothing is written', async () => {
    const n = await newsroom(await tempDir());
    const window = n.window();
    const before = await snapshotTree(n.workspace.layout.root);
    for (const passphrase of [passphraseOf('赵敏'), `${passphraseOf('王丽')} `, 'wrong passphrase']) {
      expect(await refusal(n, window, 'signIn', { personId: n.people.editor.id, passphrase })).toMatchObject({ code: 'forbidden', refusal: { code: 'wrong-passphrase', params: { name: '王丽' } } });
      expect(window.session.personId).toBeNull();
    }
    expect(await refusal(n, window, 'signIn', { personId: 'u-nobody0001', passphrase: passphraseOf('王丽') })).toMatchObject({ refusal: { code: 'unknown-person' } });
    expect(await snapshotTree(n.workspace.layout.root)).toEqual(before);
    const session = await ok(n, window, 'signIn', { personId: n.people.editor.id, passphrase: passphraseOf('王丽') });
    expect(session.currentUser).toMatchObject({ id: n.people.editor.id, name: '王丽' });
    expect(session.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });

  it('switches person only with the next person’s passphrase, locking out (and wiping) the key of whoever was there', async () => {
    const n = await newsroom(await tempDir());
    const window = n.window();
    await ok(n, window, 'signIn', { personId: n.people.editor.id, passphrase: passphraseOf('王丽') });
    const editorKey = window.session.key!;
    const secret = editorKey.use((signer) => signer.secretKey);
    expect(secret.some((byte) => byte !== 0)).toBe(true);
    // A wrong passphrase for the next person changes nothing.
    expect(await refusal(n, window, 'signIn', { personId: n.people.third.id, passphrase: passphraseOf('王丽') })).toMatchObject({ refusal: { code: 'wrong-passphrase' } });
    expect(window.session.personId).toBe(n.people.editor.id);
    await ok(n, window, 'signIn', { personId: n.people.third.id, passphrase: passphraseOf('陈杰') });
    expect(window.session.personId).toBe(n.people.third.id);
    expect(editorKey.locked).toBe(true);
    expect(secret.every((byte) => byte === 0)).toBe(true);
  });

  it('locks at once: no one is the actor, every acting call is refused, and the key is wiped', async () => {
    const n = await newsroom(await tempDir());
    const key = n.caller.session.key!;
    const secret = key.use((signer) => signer.secretKey);
    const session = await ok(n, n.caller, 'lock', {});
    expect(session).toMatchObject({ currentUser: null, fingerprint: null, lastPersonId: n.people.admin.id });
    expect(secret.every((byte) => byte === 0)).toBe(true);
    expect(await refusal(n, n.caller, 'createArticle', { language: 'en' })).toMatchObject({ refusal: { code: 'locked' } });
    expect(await refusal(n, n.caller, 'changePassphrase', { current: passphraseOf(FIRST_PERSON), next: 'a new passphrase' })).toMatchObject({ refusal: { code: 'locked' } });
  });

  it('locks a window idle for the workspace’s minutes; asking how the desk stands does not count as activity', async () => {
    const clock = handClock();
    const app = await tempApp(await tempDir(), { clock });
    const minute = 60_000;
    expect((await dispatch(app.handlers, 'getSession', {}, app.caller)) as unknown).toMatchObject({ ok: true, value: { lockAfterMinutes: 15 } });
    await ok(app, app.caller, 'updateWorkspaceSettings', { lockAfterMinutes: 5 });
    const other = app.windowOf(app.firstPersonId);
    clock.advance(4 * minute);
    await ok(app, app.caller, 'createArticle', { language: 'en' });
    clock.advance(5 * minute - 1_000);
    expect((await ok(app, app.caller, 'getSession', {})).currentUser?.id).toBe(app.firstPersonId);
    clock.advance(1_000);
    expect(await refusal(app, app.caller, 'createArticle', { language: 'en' })).toMatchObject({ refusal: { code: 'locked' } });
    expect((await ok(app, app.caller, 'getSession', {})).currentUser).toBeNull();
    // The timer locks the other window, idle for nine minutes, without waiting for its next call.
    const key = other.session.key!;
    expect(app.sessions.lockIdle(5 * minute)).toBeGreaterThanOrEqual(1);
    expect(other.session.personId).toBeNull();
    expect(key.locked).toBe(true);
    // Signing in again starts the count afresh.
    await ok(app, app.caller, 'signIn', { personId: app.firstPersonId, passphrase: passphraseOf(FIRST_PERSON) });
    clock.advance(4 * minute);
    await ok(app, app.caller, 'createArticle', { language: 'en' });
  });
});

describe('changing a passphrase', { timeout: 60_000 }, () => {
  it('needs the current passphrase; afterwards only the new one opens the same key', async () => {
    const n = await newsroom(await tempDir());
    await n.as('editor');
    const keyFiles = join(n.workspace.layout.root, 'keys', n.people.editor.id);
    const [file] = await readdir(keyFiles);
    const before = await readFile(join(keyFiles, file!), 'utf8');
    expect(await n.fail('changePassphrase', { current: 'not my passphrase', next: '王丽 的新口令 2025' })).toMatchObject({ refusal: { code: 'wrong-passphrase' } });
    expect(await n.fail('changePassphrase', { current: passphraseOf('王丽'), next: 'short' })).toMatchObject({ refusal: { code: 'weak-passphrase' } });
    expect(await readFile(join(keyFiles, file!), 'utf8')).toBe(before);
    const fingerprint = (await n.call('getSession', {})).fingerprint;
    await n.call('changePassphrase', { current: passphraseOf('王丽'), next: '王丽 的新口令 2025' });
    expect(await readdir(keyFiles)).toEqual([file]);
    expect(await readFile(join(keyFiles, file!), 'utf8')).not.toBe(before);
    const window = n.window();
    expect(await refusal(n, window, 'signIn', { personId: n.people.editor.id, passphrase: passphraseOf('王丽') })).toMatchObject({ refusal: { code: 'wrong-passphrase' } });
    expect((await ok(n, window, 'signIn', { personId: n.people.editor.id, passphrase: '王丽 的新口令 2025' })).fingerprint).toBe(fingerprint);
  });
});

describe('a first sign-in', { timeout: 60_000 }, () => {
  it('takes only the code issued to that person, once, before it expires, with a passphrase long enough', async () => {
    const clock = handClock();
    const app = await tempApp(await tempDir(), { clock });
    const added = (await dispatch(app.handlers, 'addPerson', { name: '周明远', roles: ['reporter'] }, app.caller)) as { ok: true; value: { enrolment: { personId: string; code: string; expiresAt: string } } };
    const other = (await dispatch(app.handlers, 'addPerson', { name: '何平', roles: ['editor'] }, app.caller)) as typeof added;
    const { personId, code } = added.value.enrolment;
    const window = app.window();
    const before = await snapshotTree(app.workspace.layout.root);
    const attempt = (input: { personId: string; code: string; passphrase: string }) => refusal(app, window, 'firstSignIn', input);
    const mistyped = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await attempt({ personId, code: mistyped, passphrase: passphraseOf('周明远') })).toMatchObject({ refusal: { code: 'bad-enrolment-code' } });
    expect(await attempt({ personId, code: other.value.enrolment.code, passphrase: passphraseOf('周明远') })).toMatchObject({ refusal: { code: 'bad-enrolment-code' } });
    expect(await attempt({ personId, code: 'not a code', passphrase: passphraseOf('周明远') })).toMatchObject({ refusal: { code: 'bad-enrolment-code' } });
    expect(await attempt({ personId, code, passphrase: 'short' })).toMatchObject({ refusal: { code: 'weak-passphrase' } });
    expect(await snapshotTree(app.workspace.layout.root)).toEqual(before);
    // Typed in lower case, without hyphens: still the code.
    expect((await ok(app, window, 'firstSignIn', { personId, code: parseEnrolmentCode(code)!.toLowerCase(), passphrase: passphraseOf('周明远') })).currentUser?.id).toBe(personId);
    expect(await refusal(app, app.window(), 'firstSignIn', { personId, code, passphrase: passphraseOf('周明远') })).toMatchObject({ refusal: { code: 'bad-enrolment-code' } });
    // The other code expires unused.
    clock.advance(8 * 86_400_000);
    expect(await refusal(app, app.window(), 'firstSignIn', { personId: other.value.enrolment.personId, code: other.value.enrolment.code, passphrase: passphraseOf('何平') })).toMatchObject({ refusal: { code: 'bad-enrolment-code' } });
  });
});

/** A vault standing in for the operating system's keychain: AES-GCM under a key held only in memory. */
function memoryVault(): KeyVault {
  const key = randomBytes(32);
  return {
    available: () => true,
    protect(secret) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), sealed]);
    },
    unprotect(wrapped) {
      const bytes = Buffer.from(wrapped);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
    },
  };
}

/** The machine settings kept as the desktop app keeps them (conf, electron-store's core), in the data folder. */
function confSettings(dir: string): SettingsStore {
  const store = new Conf<{ language: 'zh-CN' | 'en' | null; currentUserId: string | null }>({ cwd: dir, configName: 'settings', defaults: { language: null, currentUserId: null } });
  const get = () => ({ language: store.get('language'), currentUserId: store.get('currentUserId') });
  return {
    get,
    update: (patch) => {
      if (patch.language !== undefined) store.set('language', patch.language);
      if (patch.currentUserId !== undefined) store.set('currentUserId', patch.currentUserId);
      return get();
    },
  };
}

/** Every file under `root`, with its bytes. */
async function allFiles(root: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => ({ path: join(entry.parentPath, entry.name), bytes: await readFile(join(entry.parentPath, entry.name)) })));
}

/** The ways a secret could be written down. */
function spellings(secret: Uint8Array | string): string[] {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  const out = [bytesToHex(bytes), bytesToHex(bytes).toUpperCase(), toBase64(bytes), bytes.toString('base64url'), bytes.toString('latin1')];
  if (typeof secret === 'string') out.push(secret, JSON.stringify(secret).slice(1, -1), Buffer.from(secret, 'utf16le').toString('latin1'));
  return out;
}

describe('secrets', { timeout: 60_000 }, () => {
  it('no passphrase, enrolment code or private key is in any file of the workspace, the data folder or the settings, in any spelling', async () => {
    const root = await tempDir();
    const dataDir = `${root}.data`;
    const settings = confSettings(dataDir);
    const remembered = new RememberedKeys(dataDir, memoryVault(), await ed25519());
    const n = await newsroom(root, { settings, remembered });
    const secrets: Array<Uint8Array | string> = [];
    const keepKey = (caller: Caller) => caller.session.key!.use((signer) => void secrets.push(signer.secretKey.slice(), signer.secretKey.slice(0, 32)));
    for (const kept of n.keys.values()) secrets.push(kept.secretKey.slice(), kept.secretKey.slice(0, 32));
    secrets.push(passphraseOf(FIRST_PERSON), ...STAFF.map(([, name]) => passphraseOf(name)));

    // A day's work at this desk: an article signed off, a changed passphrase, a new enrolment, a remembered key.
    await signedOffArticle(n);
    await n.as('editor');
    await n.call('changePassphrase', { current: passphraseOf('王丽'), next: '王丽 换了新口令 2025' });
    secrets.push('王丽 换了新口令 2025');
    await n.as('admin');
    const { enrolment } = await n.call('issueEnrolment', { personId: n.people.second.id });
    secrets.push(enrolment.code, parseEnrolmentCode(enrolment.code)!);
    const second = n.window();
    await ok(n, second, 'firstSignIn', { personId: n.people.second.id, code: enrolment.code, passphrase: '赵敏 重新登记 2025' });
    secrets.push('赵敏 重新登记 2025');
    keepKey(second);
    await ok(n, n.window(), 'signIn', { personId: n.people.third.id, passphrase: passphraseOf('陈杰'), remember: true });
    expect(await remembered.people(n.workspace.manifest!.workspaceId)).toEqual([n.people.third.id]);
    expect(settings.get().currentUserId).toBe(n.people.third.id);
    await ok(n, n.caller, 'lock', {});

    const files = [...(await allFiles(root)), ...(await allFiles(dataDir))];
    expect(files.map((file) => file.path)).toEqual(expect.arrayContaining([join(dataDir, 'settings.json'), expect.stringContaining(join(dataDir, 'remembered'))]));
    expect(files.filter((file) => file.path.includes(`${join(root, 'keys')}/`)).length).toBe(6);
    const needles = secrets.flatMap(spellings);
    for (const { path, bytes } of files) {
      const texts = [bytes.toString('latin1'), bytes.toString('utf8')];
      for (const needle of needles) expect(texts.some((text) => text.includes(needle)), `${path} holds a secret`).toBe(false);
    }
  });
});

