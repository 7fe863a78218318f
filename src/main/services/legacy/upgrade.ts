/**
 * The one-time upgrade of a format-1 workspace (docs/storage.md, "Existing workspaces"). An
 * administrator on its people.json signs in by setting a passphrase; the upgrade then writes,
 * signed by them: the genesis, everyone else on the list with the same ids, names and roles,
 * the house rules and settings of workspace.json, an `upgrade` event attesting each article's
 * format-1 files (SHA-256 and line count) and author, and in each article an `upgrade`
 * revision holding its copy as article.json had it. Nothing is converted in place and no
 * record is re-signed on anyone's behalf. workspace.json becomes format 2 last; an upgrade
 * cut short is taken up again by the same administrator with the same passphrase.
 */
import { copyFile, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleSchema } from '../../../shared/article/article';
import { AppFailure } from '../../../shared/contract/errors';
import { attestFile } from '../../../shared/identity/legacy';
import { publicKeyRecord } from '../../../shared/identity/keys';
import { normalizePersonName } from '../../../shared/identity/names';
import type { ArticleAttestation, RosterEvent } from '../../../shared/identity/roster-events';
import { STAGES, type Stage } from '../../../shared/review/stages';
import { findPerson, hasRole, type Person } from '../../../shared/review/people';
import { z } from '../../../shared/zod';
import type { Actor } from '../articles';
import type { UnlockedKey } from '../identity/unlocked-key';
import { readJsonFile } from '../json-file';
import { checkPassphrase, currentKey } from '../people';
import { refusedWith } from '../refused';
import { RosterRefused } from '../roster-log';
import type { Workspace } from '../workspace';
import { newWorkspaceId, writeManifest, type Manifest } from '../workspace-manifest';
import { ARTICLE_FILE, TRASHED_FILE } from '../workspace-layout';
import { LegacyManifestSchema, type LegacyManifest } from './manifest';
import { RosterStore } from './roster-store';

/** Format 1's workspace.json is kept under this name once the workspace is upgraded. */
export const FORMAT_1_MANIFEST = 'workspace.format-1.json';
/** Articles attested per upgrade event, so a large workspace's attestation stays well under a line's size limit. */
const ATTESTED_PER_EVENT = 500;

const TrashedSchema = z.object({ trashedAt: z.string(), trashedBy: z.string(), stage: z.string().optional(), reason: z.string().optional() });

/** The format-1 list's administrators, who may run the upgrade, and how many articles it will attest. */
export async function upgradeCandidates(workspace: Workspace): Promise<{ admins: Array<{ id: string; name: string }>; articles: number }> {
  const { roster } = await new RosterStore(workspace.layout.people).load();
  const admins = roster.people.filter((person) => person.active && hasRole(person, 'admin')).map(({ id, name }) => ({ id, name }));
  const count = (await legacyIds(workspace.layout.articles)).length + (await legacyIds(workspace.layout.trash)).length;
  return { admins, articles: count };
}

export async function upgradeWorkspace(workspace: Workspace, personId: string, passphrase: string): Promise<UnlockedKey> {
  if (!workspace.isLegacy) throw refusedWith('already-set-up');
  const { roster: people, problem } = await new RosterStore(workspace.layout.people).load();
  if (problem) throw new AppFailure('damaged', `${problem}. The upgrade needs the format-1 list of people; the file was left as it is.`);
  const admin = findPerson(people, personId);
  if (!admin || !admin.active || !hasRole(admin, 'admin')) throw refusedWith('not-upgrade-admin', { name: admin?.name ?? personId });
  checkPassphrase(passphrase);
  const legacyManifest = await readLegacyManifest(workspace);
  // An upgrade cut short left its genesis: the same workspace, taken up by the same administrator.
  const started = await workspace.manifestFromRoster();
  if (started && (await workspace.keys.list(personId)).length === 0) throw refusedWith('already-set-up');
  const manifest: Manifest = started ?? { format: 2, workspaceId: newWorkspaceId(), name: legacyManifest?.name ?? 'Workspace', createdAt: workspace.options.clock.now().toISOString() };
  if (started && legacyManifest) manifest.name = legacyManifest.name;
  workspace.become(manifest);
  try {
    const bound = started ? currentKey(await workspace.roster(), personId) : null;
    if (started && !bound) throw refusedWith('already-set-up');
    const key = bound
      ? await workspace.keys.unlock(personId, bound.keyid, passphrase).catch(() => {
          throw refusedWith('wrong-passphrase', { name: admin.name });
        })
      : await workspace.keys.generate(personId, passphrase, workspace.options.clock.now());
    const actor: Actor = { key, person: admin };
    if (!started) await append(workspace, key, { kind: 'genesis', workspaceId: manifest.workspaceId, person: { id: admin.id, name: legacyName(admin) }, key: publicKeyRecord(key.publicKey) });
    await addEveryone(workspace, key, admin, people.people);
    if (legacyManifest) await carrySettings(workspace, key, legacyManifest);
    await attestArticles(workspace, actor);
    await writeManifest(workspace.layout.manifest, manifest);
    return key;
  } catch (error) {
    workspace.revertToLegacy();
    throw error;
  }
}

async function readLegacyManifest(workspace: Workspace): Promise<LegacyManifest | null> {
  const read = await readJsonFile(workspace.layout.manifest, LegacyManifestSchema);
  if (!read.ok) return null;
  const keep = join(workspace.layout.root, FORMAT_1_MANIFEST);
  if (!(await stat(keep).catch(() => null))) await copyFile(workspace.layout.manifest, keep);
  return read.value;
}

async function append(workspace: Workspace, key: UnlockedKey, event: RosterEvent): Promise<void> {
  try {
    await workspace.rosterLog().append(workspace.writer, key, event);
  } catch (error) {
    if (error instanceof RosterRefused) throw new AppFailure('forbidden', `the upgrade cannot write ${event.kind}: ${error.code}: ${error.detail}. Correct people.json, then upgrade again.`);
    throw error;
  }
}

/** Names as format 1 kept them, in normal form (a name with hidden characters stops the upgrade, naming the person). */
function legacyName(person: Person): string {
  const normalized = normalizePersonName(person.name);
  if (!normalized.ok) throw new AppFailure('invalid-input', `the name of ${person.id} in people.json is not accepted (${normalized.problem.code}); correct it, then upgrade again`);
  return normalized.name;
}

async function addEveryone(workspace: Workspace, key: UnlockedKey, admin: Person, people: readonly Person[]): Promise<void> {
  for (const person of people) {
    const view = await workspace.roster();
    const there = findPerson(view.roster, person.id);
    if (!there && person.id !== admin.id) await append(workspace, key, { kind: 'add-person', person: { id: person.id, name: legacyName(person), roles: [...person.roles] } });
    const now = findPerson((await workspace.roster()).roster, person.id);
    if (now && now.roles.join() !== person.roles.join() && person.id === admin.id) await append(workspace, key, { kind: 'set-roles', personId: person.id, roles: [...person.roles] });
    if (now && now.active && !person.active) await append(workspace, key, { kind: 'set-active', personId: person.id, active: false });
  }
}

async function carrySettings(workspace: Workspace, key: UnlockedKey, legacy: LegacyManifest): Promise<void> {
  const view = await workspace.roster();
  if (Object.keys(view.verdict.snapshot.settings).length > 0) return;
  await append(workspace, key, { kind: 'set-policy', authorMayReview: legacy.review.authorMayReview, blockApprovalWithOpenAnnotations: legacy.review.blockApprovalWithOpenAnnotations });
  await append(workspace, key, { kind: 'set-settings', settings: { name: legacy.name, channels: legacy.channels, checks: legacy.checks as Record<string, unknown>, houseLists: legacy.houseLists as Record<string, unknown> } });
}

/** Trashed articles come back into articles/ (their folder moved whole) and are put in the trash again, signed. */
async function attestArticles(workspace: Workspace, actor: Actor): Promise<void> {
  const { layout } = workspace;
  const trashed = new Map<string, z.infer<typeof TrashedSchema> | null>();
  for (const id of await legacyIds(layout.trash)) {
    if (await stat(layout.articleDir(id)).catch(() => null)) continue;
    const details = await readJsonFile(join(layout.trashDir(id), TRASHED_FILE), TrashedSchema);
    await rename(layout.trashDir(id), layout.articleDir(id));
    trashed.set(id, details.ok ? details.value : null);
  }
  const ids = await legacyIds(layout.articles);
  const known = (await workspace.roster()).verdict.snapshot.attestations;
  const attestations: ArticleAttestation[] = [];
  for (const id of ids) if (!known.has(id)) attestations.push(await attest(layout.articleDir(id), id));
  for (let i = 0; i < attestations.length; i += ATTESTED_PER_EVENT) {
    await append(workspace, actor.key, { kind: 'upgrade', articles: attestations.slice(i, i + ATTESTED_PER_EVENT) });
  }
  for (const id of ids) {
    const state = await workspace.articles.state(id);
    if (state.verdict.revisions.some((revision) => revision.event.kind === 'upgrade')) continue;
    const article = await readJsonFile(join(layout.articleDir(id), ARTICLE_FILE), ArticleSchema);
    if (article.ok) await workspace.articles.record(actor, id, { kind: 'upgrade', stage: state.verdict.review.stage }, article.value);
    const details = trashed.get(id);
    if (trashed.has(id) && !(await workspace.articles.state(id)).verdict.trashed) {
      const stage = STAGES.includes(details?.stage as Stage) ? (details!.stage as Stage) : undefined;
      await workspace.articles.act(actor, id, 'trash', () => ({ action: 'trash', ...(details?.reason ? { reason: details.reason } : {}), ...(stage ? { stage } : {}) }));
    }
  }
}

/** One article's format-1 files, attested as they are, with its author from article.json. */
async function attest(articleDir: string, id: string): Promise<ArticleAttestation> {
  const files = [];
  for (const path of await legacyFiles(articleDir)) files.push(attestFile(path, await readFile(join(articleDir, ...path.split('/')), 'utf8')));
  const article = await readJsonFile(join(articleDir, ARTICLE_FILE), ArticleSchema);
  const authorId = article.ok && /^u-[a-z0-9]{6,32}$/.test(article.value.authorId) ? article.value.authorId : '';
  return { id, authorId, files };
}

async function legacyFiles(articleDir: string): Promise<string[]> {
  const out: string[] = [];
  if (await stat(join(articleDir, 'reviews.jsonl')).catch(() => null)) out.push('reviews.jsonl');
  for (const folder of ['annotations', 'ignores']) {
    for (const name of (await readdir(join(articleDir, folder)).catch(() => [] as string[])).sort()) if (/^u-[a-z0-9]{6,32}\.jsonl$/.test(name)) out.push(`${folder}/${name}`);
  }
  if (await stat(join(articleDir, 'history', 'index.jsonl')).catch(() => null)) out.push('history/index.jsonl');
  return out;
}

/** Article folders with a format-1 article.json (or reviews) in `dir`. */
async function legacyIds(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !/^[a-z0-9][a-z0-9-]{7,63}$/.test(entry.name)) continue;
    if (await stat(join(dir, entry.name, ARTICLE_FILE)).catch(() => null)) ids.push(entry.name);
  }
  return ids.sort();
}
