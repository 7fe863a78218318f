/**
 * `npx tsx scripts/screenshot.ts [OUT]`: takes docs/screenshot.png from the real app in the
 * browser preview — the sample article at its third review, seen by the third reviewer.
 * Run `npx electron-vite build` first.
 */
import { chromium } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { openApp, startPreview } from '../e2e/fixtures';
import { addPerson, approve, openArticle, submitOverWarning, switchUser } from '../e2e/desk';
import { zhCN } from '../src/renderer/i18n/zh-CN';
import { en } from '../src/renderer/i18n/en';

const out = process.argv[2] ?? 'docs/screenshot.png';
const preview = await startPreview({ userName: '林晓岚', folderName: '云岭日报编辑部' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await openApp(page, preview);
  await addPerson(page, '王丽', [en.roles.editor]);
  await addPerson(page, '赵敏', [en.roles.second]);
  await addPerson(page, '陈杰', [en.roles.third]);
  await openArticle(page, /千年茶山/);
  await submitOverWarning(page);
  await switchUser(page, '王丽');
  await openArticle(page, /千年茶山/);
  await page.getByRole('figure', { name: en.figure.image }).first().getByLabel(en.figure.caption).fill('晨雾中的高峰村茶园，茶垄沿山势层层铺开。');
  await page.waitForFunction(() => document.querySelector('.status-save')?.classList.contains('status-save-saved') === true);
  await approve(page, '事实与人名已对照采访记录核实，已补写第一张图片的说明。');
  await switchUser(page, '赵敏');
  await openArticle(page, /千年茶山/);
  await approve(page, '结构清楚，图片与稿件内容相符，同意。');
  await switchUser(page, '陈杰');
  await page.getByLabel(en.app.language).selectOption('zh-CN');
  await page.getByRole('list', { name: zhCN.library.articles }).getByRole('button', { name: /^千年茶山/ }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} catch (error) {
  const page = browser.contexts()[0]?.pages()[0];
  await page?.screenshot({ path: '/tmp/screenshot-failure.png' });
  throw error;
} finally {
  await browser.close();
  await preview.server.close();
  await rm(preview.root, { recursive: true, force: true });
}
