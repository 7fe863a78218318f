import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519 } from '../../src/shared/identity/ed25519';
import { fingerprint, keyidOf } from '../../src/shared/identity/keys';
import { reviewerLog, sampleWorkspace, type ChainDesk, type SampleWorkspace } from '../helpers/export-workspace';
import { rewriteChain, tamperPayload } from '../helpers/identity';
import { contentOf } from '../helpers/newsroom';
import { PROJECT_ROOT } from '../helpers/paths';
import { dataFolderOf } from '../helpers/temp-dir';

const CLI = join(PROJECT_ROOT, 'src', 'cli', 'newsroom.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line as a user would: a separate Node process with tsx. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let signed: SampleWorkspace;
let draft: SampleWorkspace;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsroom-cli-'));
  signed = await sampleWorkspace(join(dir, 'signed'));
  await signed.signOff();
  draft = await sampleWorkspace(join(dir, 'draft'));
  await draft.act('author', { action: 'submit', note: 'Ready.\u001b[2J\u001b]0;pwned\u0007' }, '2025-05-01T09:00:00.000Z');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ws = (sample: SampleWorkspace) => ['--workspace', sample.root, '--article', sample.article.id];

describe('newsroom usage', { timeout: 60_000 }, () => {
  it('prints its usage for help, and for no command with exit code 2', async () => {
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}newsroom export --workspace DIR --article ID --format FORMAT --out PATH \[--draft\]\n {2}newsroom verify --workspace DIR \[--article ID\] \[--data DIR\]\n {2}newsroom review-sheet --workspace DIR --article ID --out FILE/);
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage:');
  });

  it('answers a usage error with one line and exit code 2', async () => {
    const cases: [string[], string][] = [
      [['frob'], 'newsroom: unknown command "frob". Run "newsroom help" for usage.'],
      [['export', '--format', 'html'], 'newsroom export: --workspace is required. Run "newsroom help" for usage.'],
      [['export', '--workspace', signed.root, '--article', signed.article.id, '--bogus'], "newsroom export: Unknown option '--bogus'. Run \"newsroom help\" for usage."],
      [['export', ...ws(signed), '--format', 'pdf', '--out', join(dir, 'x')], 'newsroom export: unknown format "pdf"; use one of html, html-folder, md, txt, ninjs, docx. Run "newsroom help" for usage.'],
      [['export', ...ws(signed), '--format', 'html'], 'newsroom export: --out is required. Run "newsroom help" for usage.'],
      [['verify', '--workspace', signed.root, '--article', '../../etc'], 'newsroom verify: "../../etc" is not an article id. Run "newsroom help" for usage.'],
      [['verify', '--workspace', signed.root, '--article', '20990101-0000000000'], `newsroom verify: there is no article 20990101-0000000000 in ${signed.root}. Run "newsroom help" for usage.`],
      [['verify', ...ws(signed), '--draft'], 'newsroom verify: verify does not take --draft. Run "newsroom help" for usage.'],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(...args)));
    runs.forEach((run, index) => {
      expect(run.code, cases[index]![0].join(' ')).toBe(2);
      expect(run.stderr).toBe(`${cases[index]![1]}\n`);
      expect(run.stdout).toBe('');
    });
  });

  it('does not make a workspace out of a folder that is not one', async () => {
    const empty = join(dir, 'empty');
    await writeFile(join(dir, 'marker'), '');
    const run = await cli('verify', '--workspace', empty, '--article', signed.article.id);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`newsroom verify: ${empty} is not a workspace (it has no workspace.json). Run "newsroom help" for usage.\n`);
    expect(await readdir(dir)).not.toContain('empty');
  });
});

describe('newsroom verify', { timeout: 60_000 }, () => {
  const keyOf = (sample: SampleWorkspace, desk: ChainDesk) => fingerprint(sample.actors[desk].key.keyid);
  const logOf = (sample: SampleWorkspace, desk: ChainDesk) => reviewerLog(sample, desk).slice(sample.root.length + 1);

  it('prints the roster and every record with its signer’s fingerprint, and exits 0 when everything verifies', async () => {
    const run = await cli('verify', ...ws(signed));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('Root of trust (active administrators):');
    expect(lines).toContain(`  林晓岚 (u-author0001): ${keyOf(signed, 'author')}`);
    expect(lines).toContain(`  陈杰 (u-third00001) third: ${keyOf(signed, 'third')} from 2025-05-01T08:00:00.000Z`);
    expect(lines).toContain(`Article ${signed.article.id}: 6 records`);
    expect(lines).toContain(`#1 SIGNED create by 林晓岚 (u-author0001) at 2025-05-01T08:00:00.000Z, key ${keyOf(signed, 'author')} — ${logOf(signed, 'author')} line 1`);
    expect(lines).toContain(`#3 SIGNED review submit at stage draft by 林晓岚 (u-author0001) at 2025-05-01T09:00:00.000Z, key ${keyOf(signed, 'author')} — ${logOf(signed, 'author')} line 3`);
    expect(lines).toContain(`#4 SIGNED review approve at stage first by 王丽 (u-editor0001) at 2025-05-01T10:00:00.000Z, key ${keyOf(signed, 'editor')} — ${logOf(signed, 'editor')} line 1`);
    expect(lines).toContain('    opinion: 事实核实无误，同意。');
    expect(lines).toContain(`#6 SIGNED review approve at stage third by 陈杰 (u-third00001) at 2025-05-01T12:00:00.000Z, key ${keyOf(signed, 'third')} — ${logOf(signed, 'third')} line 1`);
    expect(lines).toContain('Approvals: signed off, every approval covers the copy as it stands, and nothing is wrong with the log.');
    expect(lines).toContain(`  third review   陈杰 (u-third00001) at 2025-05-01T12:00:00.000Z, key ${keyOf(signed, 'third')}: current`);
    expect(lines.at(-2)).toBe('Verified: every record checks out.');
  });

  it('never sends control characters from the log to the terminal', async () => {
    const run = await cli('verify', ...ws(draft));
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the test
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(run.stdout).toContain('    opinion: Ready.\\u001b[2J\\u001b]0;pwned\\u0007');
    expect(run.stdout).toContain('Approvals: not signed off (now at first review).');
  });

  it('exits 1 and names the line when a record was altered, removed or garbled', async () => {
    const tampered = await sampleWorkspace(join(dir, 'tampered'));
    await tampered.signOff();
    const second = reviewerLog(tampered, 'second');
    const original = await readFile(second, 'utf8');
    await writeFile(second, `${tamperPayload(original.trimEnd(), (payload) => ((payload.event as { opinion: string }).opinion = '不同意。'))}\n`);
    const altered = await cli('verify', ...ws(tampered));
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`FORGED ? by unknown at ?, no key — ${logOf(tampered, 'second')} line 1\n    bad-signature: the signature does not verify`);
    // The third approval follows a line that is no longer there as it was signed.
    expect(altered.stdout).toContain(`PENDING review approve at stage third by 陈杰 (u-third00001) at 2025-05-01T12:00:00.000Z, key ${keyOf(tampered, 'third')} — ${logOf(tampered, 'third')} line 1`);
    expect(altered.stdout).toContain('  second review  no approval\n  third review   no approval');
    expect(altered.stdout).toContain('Approvals: NOT TRUSTED: the log has a forged or rule-breaking record, or lost records; it is never shown as signed off.');
    expect(altered.stdout.trimEnd().split('\n').at(-1)).toBe('NOT VERIFIED: see the records and problems above.');

    // The second review's record removed: the third approval waits for what it followed (as if not synced yet), and nothing is signed off.
    await rm(second);
    const removed = await cli('verify', ...ws(tampered));
    // Without a desk that saw it, nothing tells the record was removed rather than not synced yet; but what follows it cannot be verified.
    expect(removed.code).toBe(1);
    expect(removed.stdout).toContain('PENDING: 1 record follows a record that is not here (a file missing, or not synced yet) and cannot be verified.');
    expect(removed.stdout).toContain(`PENDING review approve at stage third by 陈杰 (u-third00001) at 2025-05-01T12:00:00.000Z, key ${keyOf(tampered, 'third')} — ${logOf(tampered, 'third')} line 1`);
    expect(removed.stdout).toContain('Approvals: not signed off (now at second review).');
    // A desk that had seen the record says it is gone, and verify fails.
    const withDesk = await cli('verify', ...ws(tampered), '--data', dataFolderOf(tampered.root));
    expect(withDesk.code).toBe(1);
    expect(withDesk.stdout).toContain(`PROBLEM lost-records ${logOf(tampered, 'second')}: this desk had seen 1 records in ${logOf(tampered, 'second')}; it now has 0`);
    expect(withDesk.stdout).toContain('Approvals: NOT TRUSTED');

    await writeFile(second, `not json\n${original}`);
    const garbled = await cli('verify', ...ws(tampered));
    expect(garbled.code).toBe(1);
    expect(garbled.stdout).toMatch(new RegExp(`PROBLEM forged ${logOf(tampered, 'second').replaceAll('.', '\\.')} line 1: `));
  });

  it('exits 1 on a whole chain rewritten with recomputed hashes by someone without the keys', async () => {
    const rewritten = await sampleWorkspace(join(dir, 'rewritten'));
    await rewritten.signOff();
    const ed = await ed25519();
    const forger = ed.keyPairFromSeed(new Uint8Array(32).fill(7));
    // Every file of the article, every line: the approvals now say "不同意", the links recomputed; signed as they were, or by a key of the forger's.
    for (const [desk, signer] of [['author', undefined], ['editor', undefined], ['second', { keyid: keyidOf(forger.publicKey), secretKey: forger.secretKey }], ['third', undefined]] as const) {
      const path = reviewerLog(rewritten, desk);
      const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
      const changed = rewriteChain(lines, (payload) => {
        const event = payload.event as { opinion?: string };
        if ('opinion' in event) event.opinion = '不同意。';
      }, signer && { ed, signer });
      await writeFile(path, `${changed.join('\n')}\n`);
    }
    const run = await cli('verify', ...ws(rewritten));
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/SIGNED review/);
    expect(run.stdout).toContain(`FORGED ? by unknown at ?, no key — ${logOf(rewritten, 'author')} line 3\n    bad-signature: the signature does not verify`);
    expect(run.stdout).toContain(`FORGED ? by unknown at ?, no key — ${logOf(rewritten, 'editor')} line 1\n    bad-signature: the signature does not verify`);
    expect(run.stdout).toContain(`FORGED ? by unknown at ?, no key — ${logOf(rewritten, 'second')} line 1\n    unknown-key: signed by a key that is on no roster (${keyidOf(forger.publicKey).slice(0, 16)}…)`);
    expect(run.stdout).toContain('Approvals: NOT TRUSTED');
  });

  it('tells stale approvals apart from a log that does not verify', async () => {
    const edited = await sampleWorkspace(join(dir, 'edited'));
    await edited.signOff();
    const article = await edited.workspace.get(edited.article.id);
    await edited.save(article.id, { ...contentOf(article), headline: `${article.headline}（修订）` }, '2025-05-01T13:00:00.000Z');
    const run = await cli('verify', ...ws(edited));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Approvals: not signed off (now at sign-off).');
    expect(run.stdout).toContain(`  first review   王丽 (u-editor0001) at 2025-05-01T10:00:00.000Z, key ${keyOf(edited, 'editor')}: STALE (the copy changed since)`);
  });
});

describe('newsroom review-sheet', { timeout: 60_000 }, () => {
  it('writes the review sheet of a signed-off article with each reviewer’s fingerprint, and refuses a draft', async () => {
    const target = join(dir, 'sheet.html');
    const run = await cli('review-sheet', ...ws(signed), '--out', target);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote ${target}: the review sheet of article ${signed.article.id}.\n`);
    const html = await readFile(target, 'utf8');
    for (const desk of ['editor', 'second', 'third'] as const) {
      expect(html).toContain(signed.people[desk].name);
      expect(html).toContain(fingerprint(signed.actors[desk].key.keyid));
    }
    const refused = await cli('review-sheet', ...ws(draft), '--out', join(dir, 'draft-sheet.html'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('newsroom review-sheet: the article is not signed off');
    expect(await readdir(dir)).not.toContain('draft-sheet.html');
  });
});

describe('newsroom export', { timeout: 60_000 }, () => {
  it('writes signed-off copy, naming the file after the headline in an existing folder', async () => {
    const out = join(dir, 'out-signed');
    const file = await cli('export', ...ws(signed), '--format', 'md', '--out', join(out, 'copy.md'));
    expect(file.code).toBe(0);
    expect(file.stdout).toBe(`Wrote ${join(out, 'copy.md')} (md, 5 picture files): final copy.\n`);
    const named = await cli('export', ...ws(signed), '--format', 'docx', '--out', out);
    expect(named.code).toBe(0);
    expect(named.stdout).toBe(`Wrote ${join(out, `${signed.article.headline}.docx`)} (docx): final copy.\n`);
    expect((await readdir(out)).sort()).toEqual(['copy.md', 'images', `${signed.article.headline}.docx`].sort());
  });

  it('refuses copy that is not signed off with one line and exit code 1, and marks it DRAFT with --draft', async () => {
    const out = join(dir, 'out-draft');
    const refused = await cli('export', ...ws(draft), '--format', 'html', '--out', join(out, 'copy.html'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`newsroom export: “${draft.article.headline}” is not final copy: it is not signed off yet (now at first review). Export it as a draft to get a copy marked DRAFT.\n`);
    expect(await readdir(out).catch(() => [])).toEqual([]);

    const written = await cli('export', ...ws(draft), '--format', 'html-folder', '--out', out, '--draft');
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`Wrote ${out} (html-folder, 5 picture files): DRAFT, because it is not signed off yet (now at first review).\n`);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<div class="watermark" aria-hidden="true">DRAFT / 草稿</div>');
  });
});
