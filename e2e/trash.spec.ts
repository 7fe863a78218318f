import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fingerprint } from '../src/shared/identity/keys';
import { en } from '../src/renderer/i18n/en';
import { addPerson, openArticle, submitOverWarning, switchUser } from './desk';
import { expect, test, openApp } from './fixtures';

const s = en;
const SAMPLE = /^千年茶山/;
test.use({ locale: 'en-US' });

test('trash asks first, keeps its buttons out of the Tab order, and lets only the right people trash', async ({ page, preview }) => {
  test.setTimeout(90_000);
  await preview.draft('en', { headline: 'A draft of mine' });
  await openApp(page, preview);
  await addPerson(page, 'Wang Li', [s.roles.editor]);
  const list = page.getByRole('list', { name: s.library.articles });
  const row = (headline: string | RegExp) => list.getByRole('button', { name: headline }).first();
  const dialog = page.getByRole('dialog', { name: s.library.trashTitle });

  // Stray keys: Tab goes from row to row, never to a trash button, and Space on a row opens it.
  for (const trash of await list.locator('.library-trash').all()) await expect(trash).toHaveAttribute('tabindex', '-1');
  await row('A draft of mine').focus();
  await page.keyboard.press('Tab');
  await expect(row(SAMPLE)).toBeFocused();

  // The Delete key on a row asks; cancelling keeps the article and the focus on its row.
  await row('A draft of mine').focus();
  await page.keyboard.press('Delete');
  await expect(dialog).toContainText('“A draft of mine” goes to the trash');
  await dialog.getByRole('button', { name: s.library.cancel }).click();
  await expect(row('A draft of mine')).toBeFocused();
  await page.keyboard.press('Delete');
  await dialog.getByRole('button', { name: s.library.moveToTrash }).click();
  await expect(row('A draft of mine')).toHaveCount(0);

  // In review: a reviewer cannot trash it; an administrator can, saying why.
  await openArticle(page, SAMPLE);
  await submitOverWarning(page);
  await switchUser(page, 'Wang Li');
  await expect(list.getByRole('button', { name: s.library.moveToTrashNamed.replace('{{headline}}', '千年茶山“种”出数字新动能——贵山省云岭市雾溪县推动茶产业全链条数字化转型见闻') })).toHaveCount(0);
  await row(SAMPLE).focus();
  await page.keyboard.press('Delete');
  await expect(dialog).toContainText('only an administrator can move it to the trash, with a reason');
  await expect(dialog.getByRole('button', { name: s.library.moveToTrash })).toHaveCount(0);
  await dialog.getByRole('button', { name: s.library.close }).click();

  await switchUser(page, 'Lin Xiaolan');
  await row(SAMPLE).focus();
  await page.keyboard.press('Delete');
  const confirm = dialog.getByRole('button', { name: s.library.moveToTrash });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(s.library.trashReason).fill('The county asked us to hold the story.');
  await confirm.click();
  await expect(row(SAMPLE)).toHaveCount(0);
  await page.getByRole('button', { name: s.library.showTrash }).click();
  const trash = page.getByRole('list', { name: s.library.trash });
  await expect(trash.getByRole('listitem').filter({ hasText: '千年茶山' })).toContainText('Reason: The county asked us to hold the story.');
  // The trash is a signed event in the administrator's own log; the article's folder stays where it was.
  const states = await Promise.all((await preview.workspace.articles.ids()).map(async (id) => ({ id, verdict: (await preview.workspace.articles.state(id)).verdict, article: await preview.workspace.get(id) })));
  const entry = states.find((state) => state.article.headline.startsWith('千年茶山'));
  expect(entry?.verdict.trash).toMatchObject({ trashed: true, byName: 'Lin Xiaolan', reason: 'The county asked us to hold the story.' });
  const lin = (await preview.workspace.roster()).roster.people.find((p) => p.name === 'Lin Xiaolan')!;
  const [keyid] = await preview.workspace.keys.list(lin.id);
  const records = (await preview.workspace.articles.state(entry!.id)).verdict.records.filter((r) => r.kind === 'trash');
  expect(records).toEqual([
    expect.objectContaining({
      status: 'signed',
      by: lin.id,
      byName: 'Lin Xiaolan',
      fingerprint: fingerprint(keyid!),
      path: expect.stringMatching(new RegExp(`^articles/${entry!.id}/log/${lin.id}\\.d-[0-9a-f]+\\.jsonl$`)),
      event: { action: 'trash', stage: 'first', reason: 'The county asked us to hold the story.' },
    }),
  ]);
  expect((await stat(preview.workspace.layout.articleDir(entry!.id))).isDirectory()).toBe(true);
  await expect(stat(join(preview.workspaceDir, 'trash'))).rejects.toMatchObject({ code: 'ENOENT' });
});
