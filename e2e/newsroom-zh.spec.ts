import { readFile, rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { zhCN } from '../src/renderer/i18n/zh-CN';
import { addPerson, switchUser } from './desk';
import { expect, openApp, startPreview, test, typeWithIme, waitForSaved } from './fixtures';

const s = zhCN;
const FOOTER = '责任编辑：王丽\u3000二审：赵敏\u3000三审：陈杰';
const HEADLINE = '千年茶山“种”出数字新动能';
const PARAGRAPHS = [
  '初夏时节，走进雾溪县高峰村，层层叠叠的茶园沿着山势铺展开来。茶垄之间多了一根根银灰色的监测立杆，实时传回温度、湿度和土壤墒情等数据。',
  '“过去靠天吃饭，现在看数管园。”茶农王秀英说，打开手机就能看到自家茶园的情况：哪块地该浇水，哪块地该施肥，一目了然。',
];
const AFTER_HEADING = [
  '近日，县里按照《雾溪县茶产业发展规划》新建了一座茶叶加工中心（含精制茶和茶饮品两条生产线）。',
  '去年，全县茶叶综合产值达46.8亿元；茶农人均茶叶收入增长超过三成。这样的变化，谁能想到？',
];

test.use({ locale: 'zh-CN' });

const review = (page: Page) => page.getByRole('region', { name: s.review.panel });

async function sitDown(page: Page, name: string): Promise<void> {
  await switchUser(page, name, s);
  await page.getByRole('list', { name: s.library.articles }).getByRole('button', { name: HEADLINE }).click();
  await expect(review(page)).toBeVisible();
}

/** Approves over the one Recommended finding, confirming once. */
async function approveOverRecommended(page: Page, opinion: string, approveLabel: string, confirmLabel: string): Promise<void> {
  await review(page).getByLabel(s.review.opinion).fill(opinion);
  await review(page).getByRole('button', { name: approveLabel, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: s.review.confirmRecommendedTitle });
  await expect(confirm.getByRole('listitem')).toHaveCount(1);
  await confirm.getByRole('button', { name: confirmLabel }).click();
  await expect(confirm).toHaveCount(0);
}

async function exportAs(page: Page, format: string): Promise<Buffer> {
  await review(page).getByRole('button', { name: s.export.open }).click();
  const dialog = page.getByRole('dialog', { name: s.export.title });
  await expect(dialog.getByText(s.export.final)).toBeVisible();
  await dialog.getByLabel(s.export.format).selectOption({ label: format });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: s.export.export }).click();
  return readFile((await (await downloading).path())!);
}

const docxTexts = (bytes: Buffer) => {
  const files = unzipSync(bytes);
  const xml = new TextDecoder().decode(files['word/document.xml']);
  return { texts: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!), styles: new TextDecoder().decode(files['word/styles.xml']) };
};

test('a newsroom takes a Chinese article from IME typing to sign-off and export, in Chinese', async ({ page }) => {
  test.setTimeout(180_000);
  const preview = await startPreview({ userName: '林晓岚', seed: false });
  try {
    await openApp(page, preview, preview.userName, s);
    await addPerson(page, '王丽', [s.roles.editor], s);
    await addPerson(page, '赵敏', [s.roles.second], s);
    await addPerson(page, '陈杰', [s.roles.third], s);

    // The reporter types the article through the input method.
    await page.getByRole('button', { name: s.library.newArticle }).click();
    await expect(page.getByLabel(s.editor.headline, { exact: true })).toBeFocused();
    await typeWithIme(page, ['q', 'qian', 'qiannian'], HEADLINE);
    await page.getByLabel(s.editor.channel).fill('首页 > 贵山 > 正文');
    await page.getByLabel(s.editor.deck, { exact: true }).click();
    await typeWithIme(page, ['w', 'wu', 'wuxi'], '雾溪县以物联网、溯源平台和电商直播为抓手，推动茶叶种植、加工、销售全链条升级。');
    await page.getByLabel(s.editor.byline).fill('本报记者 林晓岚');
    const body = page.getByRole('textbox', { name: s.editor.body });
    await body.click();
    for (const paragraph of PARAGRAPHS) {
      await typeWithIme(page, ['c', 'ch', 'chu'], paragraph);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('## ');
    await typeWithIme(page, ['x', 'xiao'], '小茶叶成了大产业');
    await page.keyboard.press('Enter');
    for (const paragraph of AFTER_HEADING) {
      await typeWithIme(page, ['j', 'jin'], paragraph);
      await page.keyboard.press('Enter');
    }
    await expect(body.locator('h2')).toHaveText('小茶叶成了大产业');
    await expect(page.getByLabel(s.editor.language)).toHaveValue('zh-CN');
    await waitForSaved(page);

    // Correct Chinese punctuation raises nothing; the vague "近日" is the one Recommended finding.
    await page.getByRole('tab', { name: new RegExp(`^${s.checks.panel}`) }).click();
    const findings = page.getByRole('region', { name: s.checks.panel }).getByRole('listitem');
    await expect(findings).toHaveCount(1);
    await expect(findings).toContainText('近日');
    await page.getByRole('tab', { name: s.review.panel }).click();
    await review(page).getByRole('button', { name: s.review.submit }).click();
    await expect(review(page).getByRole('button', { name: s.review.withdraw })).toBeVisible();

    // The responsible editor's opinion survives a look at the checks.
    await sitDown(page, '王丽');
    await review(page).getByLabel(s.review.opinion).click();
    await typeWithIme(page, ['s', 'shi'], '事实与数据已核实');
    await page.getByRole('tab', { name: new RegExp(`^${s.checks.panel}`) }).click();
    await page.getByRole('tab', { name: s.review.panel }).click();
    await expect(review(page).getByLabel(s.review.opinion)).toHaveValue('事实与数据已核实');
    await review(page).getByLabel(s.review.opinion).press('End');
    await typeWithIme(page, ['t', 'tong'], '，同意。');
    await review(page).getByRole('button', { name: s.review.approve, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: s.review.confirmRecommendedTitle });
    await expect(confirm.getByRole('listitem')).toContainText('近日');
    await confirm.getByRole('button', { name: '确认通过（1处建议未处理）' }).click();
    const chain = review(page).getByRole('list', { name: s.review.chain });
    await expect(chain.getByRole('listitem').filter({ hasText: s.stages.first })).toContainText('事实与数据已核实，同意。');
    await expect(chain.getByRole('listitem').filter({ hasText: s.stages.first })).toContainText('通过时有1处校对建议未处理');

    await sitDown(page, '赵敏');
    await approveOverRecommended(page, '同意送三审。', s.review.approve, '确认通过（1处建议未处理）');
    await sitDown(page, '陈杰');
    await approveOverRecommended(page, '同意签发。', s.review.signOff, '确认签发（1处建议未处理）');
    await expect(chain.getByRole('listitem').filter({ hasText: s.stages.signed })).toBeVisible();

    // The finished copy and every export end with the footer of the three reviews, in Chinese.
    await review(page).getByRole('button', { name: s.review.finishedCopy }).click();
    const copy = page.getByRole('dialog', { name: s.copy.title });
    await expect(copy.locator('footer')).toHaveText(FOOTER);
    await copy.getByRole('button', { name: s.copy.close }).click();

    const html = (await exportAs(page, s.export.formats.html)).toString('utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html.replace(/<[^>]+>/g, '').trim().endsWith(FOOTER)).toBe(true);
    const markdown = (await exportAs(page, s.export.formats.md)).toString('utf8');
    expect(markdown.trim().endsWith(FOOTER)).toBe(true);
    expect(markdown).toContain('## 小茶叶成了大产业');
    const docx = docxTexts(await exportAs(page, s.export.formats.docx));
    expect(docx.texts.filter((t) => t.trim()).at(-1)).toBe(FOOTER);
    expect(docx.styles).toContain('w:val="zh-CN"');

    // Batch export of the signed-off queue: written in the main process, handed over as one zip.
    await page.getByRole('group', { name: s.queues.label }).getByRole('button', { name: new RegExp(`^${s.queues.signed}`) }).click();
    await page.getByRole('button', { name: s.export.batchOpen.replace('{{count}}', '1') }).click();
    const batch = page.getByRole('dialog', { name: s.export.batchTitle.replace('{{count}}', '1') });
    await batch.getByLabel(s.export.format).selectOption({ label: s.export.formats.md });
    const downloading = page.waitForEvent('download');
    await batch.getByRole('button', { name: s.export.export }).click();
    const zip = unzipSync(await readFile((await (await downloading).path())!));
    expect(Object.keys(zip)).toEqual([`${HEADLINE}.md`]);
    expect(new TextDecoder().decode(zip[`${HEADLINE}.md`]).trim().endsWith(FOOTER)).toBe(true);
    await expect(batch.getByRole('progressbar', { name: s.export.progress })).toHaveAttribute('value', '1');
  } finally {
    await preview.server.close();
    await rm(preview.root, { recursive: true, force: true });
  }
});
