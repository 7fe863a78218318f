/**
 * People and their keys: the first person of a new workspace, enrolments (a one-time code
 * the administrator hands over, from which the person's first sign-in proves itself), signing
 * in, changing a passphrase, revoking a key, and every other change to the newsroom list, each
 * a signed roster event that the roster verifier must accept before it is written.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { enrolmentKeyPair, formatEnrolmentCode, generateEnrolmentCode, parseEnrolmentCode } from '../../shared/identity/enrolment-code';
import { keyidOf, publicKeyRecord } from '../../shared/identity/keys';
import { keyFilePath } from '../../shared/identity/layout';
import { checkPersonName } from '../../shared/identity/names';
import { PASSPHRASE_LIMITS, passphraseLength } from '../../shared/identity/passphrase';
import type { RosterEvent } from '../../shared/identity/roster-events';
import type { RosterKey } from '../../shared/identity/roster';
import type { WorkspaceSettings } from '../../shared/identity/workspace-settings';
import { findPerson, type Person, type Role } from '../../shared/review/people';
import type { WorkspacePolicy } from '../../shared/review/workspace-policy';
import type { Actor } from './articles';
import { KeyStoreError } from './identity/key-store';
import type { UnlockedKey } from './identity/unlocked-key';
import { refusedWith } from './refused';
import { RosterRefused, type RosterView } from './roster-log';
import type { Workspace } from './workspace';

/** How long an enrolment code can be used. */
export const ENROLMENT_DAYS = 7;

export interface IssuedEnrolment {
  personId: string;
  /** Shown once, as ABCD-EFGH-…; never stored. */
  code: string;
  expiresAt: string;
}

export function newPersonId(): string {
  return `u-${randomBytes(6).toString('hex')}`;
}

/** The key a person signs with now, if any. */
export function currentKey(view: RosterView, personId: string): RosterKey | null {
  return [...view.verdict.keys.values()].find((key) => key.personId === personId && key.until === null) ?? null;
}

export class People {
  constructor(private readonly workspace: Workspace) {}

  /** The first person of a new workspace, its first administrator: their key, then the genesis. */
  async setUp(name: string, passphrase: string): Promise<UnlockedKey> {
    const status = await this.workspace.status();
    // An unreadable workspace.json is the reason, not a first person who is not there.
    if (status === 'unreadable') this.workspace.rosterLog();
    if (status !== 'new') throw refusedWith('already-set-up');
    const checked = this.name(name, []);
    checkPassphrase(passphrase);
    const personId = newPersonId();
    const key = await this.workspace.keys.generate(personId, passphrase, this.now());
    const workspaceId = this.workspace.manifest!.workspaceId;
    await this.append(key, { kind: 'genesis', workspaceId, person: { id: personId, name: checked }, key: publicKeyRecord(key.publicKey) }).catch(async (error: unknown) => {
      key.lock();
      await this.discardKey(personId, key.keyid);
      throw error;
    });
    return key;
  }

  /** Unlocks the person's current key with their passphrase. */
  async signIn(personId: string, passphrase: string): Promise<UnlockedKey> {
    const view = await this.usableRoster();
    const person = this.person(view, personId);
    const key = currentKey(view, personId);
    if (!key) throw refusedWith('no-key', { name: person.name });
    try {
      return await this.workspace.keys.unlock(personId, key.keyid, passphrase);
    } catch (error) {
      throw keyRefusal(error, person.name);
    }
  }

  /**
   * First sign-in: the code proves the enrolment (its key pair is derived from it), the new
   * key proves possession; the claim is signed by both. The code is never stored.
   */
  async claim(personId: string, typedCode: string, passphrase: string): Promise<UnlockedKey> {
    const view = await this.usableRoster();
    const person = this.person(view, personId);
    const code = parseEnrolmentCode(typedCode);
    if (!code) throw refusedWith('bad-enrolment-code', { name: person.name });
    const enrolmentKeys = enrolmentKeyPair(this.workspace.options.ed, code, personId);
    const enrolmentKeyid = keyidOf(enrolmentKeys.publicKey);
    try {
      const enrolment = view.verdict.snapshot.enrolments.get(enrolmentKeyid);
      const now = this.now().getTime();
      if (!enrolment || enrolment.personId !== personId || enrolment.claimedBy !== null || Date.parse(enrolment.expiresAt) < now) {
        throw refusedWith('bad-enrolment-code', { name: person.name });
      }
      checkPassphrase(passphrase);
      const key = await this.workspace.keys.generate(personId, passphrase, this.now());
      const event: RosterEvent = { kind: 'claim', personId, enrolmentKeyid, key: publicKeyRecord(key.publicKey) };
      try {
        await this.append(key, event, [{ keyid: enrolmentKeyid, secretKey: enrolmentKeys.secretKey }]);
      } catch (error) {
        key.lock();
        await this.discardKey(personId, key.keyid);
        if (error instanceof RosterRefused) throw refusedWith('bad-enrolment-code', { name: person.name });
        throw error;
      }
      return key;
    } finally {
      enrolmentKeys.secretKey.fill(0);
    }
  }

  /** Re-encrypts the signed-in person's key under a new passphrase (the key itself stays: a disclosed passphrase needs a new enrolment). */
  async changePassphrase(actor: Actor, current: string, next: string): Promise<void> {
    checkPassphrase(next);
    try {
      await this.workspace.keys.changePassphrase(actor.person.id, actor.key.keyid, current, next);
    } catch (error) {
      throw keyRefusal(error, actor.person.name);
    }
  }

  /** Adds a person with their roles, and issues their first enrolment code. */
  async add(actor: Actor, name: string, roles: readonly Role[]): Promise<IssuedEnrolment> {
    const view = await this.usableRoster();
    const checked = this.name(name, view.roster.people.map((person) => person.name));
    const personId = newPersonId();
    await this.append(actor.key, { kind: 'add-person', person: { id: personId, name: checked, roles: [...roles] } });
    return this.enrol(actor, personId);
  }

  /** A new enrolment code for `personId`; their current key is revoked as of now (signatures made before stay valid). */
  async enrol(actor: Actor, personId: string): Promise<IssuedEnrolment> {
    this.person(await this.usableRoster(), personId);
    const code = generateEnrolmentCode();
    const keys = enrolmentKeyPair(this.workspace.options.ed, code, personId);
    keys.secretKey.fill(0);
    const expiresAt = new Date(this.now().getTime() + ENROLMENT_DAYS * 86_400_000).toISOString();
    await this.append(actor.key, { kind: 'enrol', personId, enrolmentKey: publicKeyRecord(keys.publicKey), expiresAt });
    return { personId, code: formatEnrolmentCode(code), expiresAt };
  }

  async revoke(actor: Actor, personId: string, reason: string): Promise<void> {
    const view = await this.usableRoster();
    const person = this.person(view, personId);
    const key = currentKey(view, personId);
    if (!key) throw refusedWith('no-key', { name: person.name });
    await this.append(actor.key, { kind: 'revoke-key', personId, keyid: key.keyid, reason });
  }

  async setRoles(actor: Actor, personId: string, roles: readonly Role[]): Promise<void> {
    await this.append(actor.key, { kind: 'set-roles', personId, roles: [...roles] });
  }

  async setActive(actor: Actor, personId: string, active: boolean): Promise<void> {
    await this.append(actor.key, { kind: 'set-active', personId, active });
  }

  async setPolicy(actor: Actor, patch: Partial<WorkspacePolicy>): Promise<void> {
    const { policy } = await this.usableRoster();
    const next = { ...policy, ...patch };
    await this.append(actor.key, { kind: 'set-policy', authorMayReview: next.authorMayReview, blockApprovalWithOpenAnnotations: next.blockApprovalWithOpenAnnotations });
  }

  async setSettings(actor: Actor, settings: WorkspaceSettings): Promise<void> {
    await this.append(actor.key, { kind: 'set-settings', settings });
  }

  /** The roster, refused while records this desk had seen are missing from it (a deleted revocation would revive a key). */
  async usableRoster(): Promise<RosterView> {
    const view = await this.workspace.roster();
    if (view.verdict.lost.length > 0) throw refusedWith('roster-lost', { files: view.verdict.lost.map((lost) => lost.path).join(', ') });
    return view;
  }

  private async append(key: UnlockedKey, event: RosterEvent, extraSigners?: Parameters<Workspace['writer']['appendRoster']>[2]['extraSigners']): Promise<void> {
    try {
      await this.workspace.rosterLog().append(this.workspace.writer, key, event, extraSigners);
    } catch (error) {
      if (error instanceof RosterRefused) throw refusedWith('roster-refused', { reason: error.code, detail: error.detail });
      throw error;
    }
  }

  private person(view: RosterView, personId: string): Person {
    const person = findPerson(view.roster, personId);
    if (!person) throw refusedWith('unknown-person', { id: personId });
    if (!person.active) throw refusedWith('inactive-person', { name: person.name });
    return person;
  }

  private name(raw: string, existing: readonly string[]): string {
    const checked = checkPersonName(raw, existing);
    if (checked.ok) return checked.name;
    const problem = checked.problem;
    switch (problem.code) {
      case 'name-confusable':
        throw refusedWith('name-confusable', { name: raw.normalize('NFKC').trim(), existing: problem.existing });
      case 'name-invisible-character':
        throw refusedWith('name-invisible-character', { character: problem.character });
      case 'name-too-long':
        throw refusedWith('name-too-long', { max: String(problem.max) });
      case 'name-empty':
        throw refusedWith('name-empty');
    }
  }

  /** A key file written for a sign-in that did not go through (it is bound to no one, but it is not left lying about). */
  private async discardKey(personId: string, keyid: string): Promise<void> {
    await rm(join(this.workspace.layout.root, ...keyFilePath(personId, keyid).split('/')), { force: true });
  }

  private now(): Date {
    return this.workspace.options.clock.now();
  }
}

export function checkPassphrase(passphrase: string): void {
  const length = passphraseLength(passphrase);
  if (length < PASSPHRASE_LIMITS.min || length > PASSPHRASE_LIMITS.max) throw refusedWith('weak-passphrase', { min: String(PASSPHRASE_LIMITS.min), max: String(PASSPHRASE_LIMITS.max) });
}

function keyRefusal(error: unknown, name: string) {
  if (!(error instanceof KeyStoreError)) return error;
  switch (error.code) {
    case 'wrong-passphrase':
      return refusedWith('wrong-passphrase', { name });
    case 'weak-passphrase':
      return refusedWith('weak-passphrase', { min: String(PASSPHRASE_LIMITS.min), max: String(PASSPHRASE_LIMITS.max) });
    case 'no-key':
      return refusedWith('no-key', { name });
    case 'damaged-key-file':
      return refusedWith('key-damaged', { name, problem: error.message });
  }
}

