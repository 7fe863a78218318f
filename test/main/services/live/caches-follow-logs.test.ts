import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolder } from '../../../../src/main/services/data-folder';
import { openApp, tempApp } from '../../../helpers/handlers';
import { contentOf } from '../../../helpers/newsroom';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('nr-caches-');

describe('what a desk keeps of a shared workspace', () => {
  it('follows logs that another desk made grow: verdicts, the roster and the library’s cached headlines, in this process and the next', async () => {
    const root = join(await tempDir(), 'workspace');
    const a = await tempApp(root);
    const actor = await a.actorOf(a.firstPersonId);
    const created = await a.workspace.articles.create(actor, 'zh-CN');
    let saved = await a.workspace.articles.save(actor, created.id, created.head, { ...contentOf(created), headline: '第一版' });

    // Desk B: its own data folder (desk id, marks, caches) on the same folder.
    const bData = join(await tempDir(), 'desk-b');
    const b = await openApp(root, undefined, { data: new DataFolder(bData) });
    expect((await b.workspace.articles.list()).articles.map((article) => article.headline)).toEqual(['第一版']);
    expect((await b.workspace.get(created.id)).headline).toBe('第一版');

    saved = await a.workspace.articles.save(actor, created.id, saved.head, { ...contentOf(created), headline: '第二版' });
    expect((await b.workspace.articles.list()).articles.map((article) => article.headline)).toEqual(['第二版']);
    expect((await b.workspace.get(created.id)).head).toBe(saved.head);

    const added = await a.handlers.addPerson({ name: '王丽', roles: ['editor'] }, a.caller);
    expect((await b.workspace.roster()).roster.people.map((person) => person.name)).toContain('王丽');
    expect(added.enrolment.personId).toMatch(/^u-/);

    // Desk B starts again with its caches on disk, after the log grew once more.
    await a.workspace.articles.save(actor, created.id, saved.head, { ...contentOf(created), headline: '第三版' });
    const bAgain = await openApp(root, undefined, { data: new DataFolder(bData) });
    expect((await bAgain.workspace.articles.list()).articles.map((article) => article.headline)).toEqual(['第三版']);
  });
});
