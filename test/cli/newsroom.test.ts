import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_LOG } from '../../src/main/services/review-store';
import { sampleWorkspace, type SampleWorkspace } from '../helpers/export-workspace';
import { PROJECT_ROOT } from '../helpers/paths';

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
    expect(help.stdout).toMatch(/^Usage:\n {2}newsroom export --workspace DIR --article ID --format FORMAT --out PATH \[--draft\]\n {2}newsroom verify --workspace DIR --article ID\n/);
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
  it('prints every record and exits 0 for an intact chain with current approvals', async () => {
    const run = await cli('verify', ...ws(signed));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`Article ${signed.article.id}: ${signed.article.headline}`);
    expect(lines).toContain(`#0 submit at stage draft, 2025-05-01T09:00:00.000Z, by 林晓岚 (u-author0001): hash ok, link ok`);
    expect(lines).toContain(`#1 approve at stage first, 2025-05-01T10:00:00.000Z, by 王丽 (u-editor0001): hash ok, link ok`);
    expect(lines).toContain('    opinion: 事实核实无误，同意。');
    expect(lines).toContain(`#3 approve at stage third, 2025-05-01T12:00:00.000Z, by 陈杰 (u-third00001): hash ok, link ok`);
    expect(lines).toContain("Chain: valid: every record's hash and link checks out (4 records).");
    expect(lines).toContain('Approvals: current: signed off, and every approval covers the copy as it stands.');
    expect(lines).toContain('  third review   陈杰 (u-third00001) at 2025-05-01T12:00:00.000Z: current');
  });

  it('never sends control characters from the log to the terminal', async () => {
    const run = await cli('verify', ...ws(draft));
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the test
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(run.stdout).toContain('    opinion: Ready.\\u001b[2J\\u001b]0;pwned\\u0007');
    expect(run.stdout).toContain('Approvals: not signed off yet (now at first review); the approvals given so far are current.');
  });

  it('exits 1 and names the record when a record was altered or removed', async () => {
    const tampered = await sampleWorkspace(join(dir, 'tampered'));
    await tampered.signOff();
    const log = join(tampered.workspace.layout.articleDir(tampered.article.id), REVIEW_LOG);
    const original = await readFile(log, 'utf8');
    await writeFile(log, original.replace('同意送三审。', '不同意。'));
    const altered = await cli('verify', ...ws(tampered));
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`#2 approve at stage second, 2025-05-01T11:00:00.000Z, by 赵敏 (u-second0001): hash MISMATCH, link ok`);
    expect(altered.stdout).toContain('#3 approve at stage third, 2025-05-01T12:00:00.000Z, by 陈杰 (u-third00001): hash ok, link ok');
    expect(altered.stdout).toContain('Chain: BROKEN: record #2: the record was changed after it was sealed.');
    expect(altered.stdout).toContain('Approvals: not trusted, because the chain is broken.');

    const lines = original.trimEnd().split('\n');
    await writeFile(log, `${[lines[0], lines[2], lines[3]].join('\n')}\n`);
    const removed = await cli('verify', ...ws(tampered));
    expect(removed.code).toBe(1);
    expect(removed.stdout).toContain('hash ok, link BROKEN');
    expect(removed.stdout).toContain('Chain: BROKEN: record #2: expected seq 1, found 2; prevHash is not the hash of the record before.');

    await writeFile(log, `${lines[0]}\nnot json\n${lines[1]}\n`);
    const garbled = await cli('verify', ...ws(tampered));
    expect(garbled.code).toBe(1);
    expect(garbled.stdout).toContain('line 2: not valid JSON');
    expect(garbled.stdout).toContain('Chain: BROKEN: line 2: not valid JSON.');
  });

  it('tells stale approvals apart from a broken chain', async () => {
    const edited = await sampleWorkspace(join(dir, 'edited'));
    await edited.signOff();
    const article = await edited.workspace.get(edited.article.id);
    const { channel, headline, deck, byline, language, body } = article;
    await edited.workspace.save(article.id, article.revision, { channel, headline: `${headline}（修订）`, deck, byline, language, body }, '林晓岚');
    const run = await cli('verify', ...ws(edited));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Approvals: STALE: the copy was edited after the first review, second review, third review approvals (now at sign-off).');
    expect(run.stdout).toContain('  first review   王丽 (u-editor0001) at 2025-05-01T10:00:00.000Z: STALE (the copy changed since)');
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
