/**
 * `npx tsx scripts/make-icons.ts`: draws resources/icons/icon.png (1024 × 1024, transparent
 * corners) from the app's artwork, src/renderer/public/favicon.svg, in Chromium. electron-builder
 * makes the Windows .ico, the macOS .icns and the Linux sizes from this one file.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const SIZE = 1024;
const OUT = 'resources/icons/icon.png';

const svg = await readFile('src/renderer/public/favicon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  // lang="zh-CN" makes the artwork's serif 审 a Simplified Chinese serif face.
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `)}</body></html>`,
  );
  await page.evaluate(() => document.fonts.ready);
  await page.locator('svg').screenshot({ path: OUT, omitBackground: true });
  console.log(`Wrote ${OUT}`);
} finally {
  await browser.close();
}
