/**
 * The packaging configuration, checked with electron-builder's own code but without the
 * Electron binary (which `npm run dist` downloads): its schema validation, the file matchers it
 * packages with, and the icon converter it runs.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { appBuilderPath } from 'app-builder-bin';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger, walk } from 'builder-util';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs('packaging-');
const quietLogger = new DebugLogger(false);

interface Matcher {
  from: string;
  isEmpty(): boolean;
  containsOnlyIgnore(): boolean;
  prependPattern(pattern: string): void;
  createFilter(): Parameters<typeof walk>[1];
}
type MatchersOf = (...args: unknown[]) => Matcher[];
// electron-builder's internal matchers (AppFileCopier uses the same), not in its type definitions.
const { getMainFileMatchers, getFileMatchers } = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher.js') as { getMainFileMatchers: MatchersOf; getFileMatchers: MatchersOf };

async function loadConfig(projectDir = PROJECT_ROOT): Promise<Configuration> {
  return getConfig(projectDir, null, null);
}

/** The files electron-builder would put into the app (asar) from `projectDir`, relative and sorted. */
async function appFiles(projectDir: string, config: Configuration): Promise<string[]> {
  const info = { projectDir, buildResourcesDir: config.directories!.buildResources!, isPrepackedAppAsar: false, config, debugLogger: quietLogger };
  const outDir = join(projectDir, config.directories!.output!);
  const [main] = getMainFileMatchers(projectDir, '/app', (pattern: string) => pattern, {}, { info }, outDir, false);
  const files = await walk(main!.from, main!.createFilter());
  return files.map((file) => relative(projectDir, file).split(sep).join('/')).sort();
}

/** The files electron-builder would copy as extra resources on a platform (`platform`: its options). */
async function extraResourceFiles(projectDir: string, config: Configuration, platform: object = {}): Promise<string[]> {
  const matchers = getFileMatchers(config, 'extraResources', '/resources', { macroExpander: (p: string) => p, customBuildOptions: platform, globalOutDir: join(projectDir, 'dist'), defaultSrc: projectDir });
  const out: string[] = [];
  for (const matcher of matchers) {
    // As copyFiles does: a folder given without patterns is copied whole.
    if (matcher.isEmpty() || matcher.containsOnlyIgnore()) matcher.prependPattern('**/*');
    const files = await walk(matcher.from, matcher.createFilter());
    out.push(...files.map((file) => relative(projectDir, file).split(sep).join('/')));
  }
  return out.sort();
}

/** A project folder with the real configuration and a file of every kind a working copy holds. */
async function workingCopy(): Promise<string> {
  const dir = await tempDir();
  await copyFile(join(PROJECT_ROOT, 'package.json'), join(dir, 'package.json'));
  await copyFile(join(PROJECT_ROOT, 'electron-builder.yml'), join(dir, 'electron-builder.yml'));
  const files = [
    'out/main/index.js',
    'out/main/index.js.map',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    'out/renderer/favicon.svg',
    'out/renderer/bench.html',
    'out/renderer/assets/app-DSj29qbg.js',
    'out/renderer/assets/app-WK19_g5A.css',
    'out/renderer/assets/index-CdGe0bNV.js',
    'out/renderer/assets/index-CdGe0bNV.js.map',
    'out/renderer/assets/bench-C9WjygY4.js',
    'out/renderer/assets/bench-CiKUD9_R.css',
    'src/main/app/index.ts',
    'test/shared/checks/property.test.ts',
    'test/fixtures/import/libreoffice-news.docx',
    'e2e/checks.spec.ts',
    'bench/run.ts',
    'docs/export.md',
    'scripts/make-icons.ts',
    'resources/sample/article.json',
    'resources/sample/figure-1.png',
    'resources/icons/icon.png',
    'resources/mac/zh_CN.lproj/InfoPlist.strings',
    'README.md',
    'tsconfig.json',
    'vitest.config.ts',
    '.ci/run',
    'node_modules/marked/package.json',
    'dist/linux-unpacked/resources/app.asar',
    'test-results/last-run.json',
    'playwright-report/index.html',
    // A workspace someone opened inside the working copy.
    'Workspace/workspace.json',
    'Workspace/articles/20250501-0123456789/article.json',
  ];
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), file);
  }
  return dir;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation, which rejects a misspelt option', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, targett: 'deb' } } as Configuration, quietLogger)).rejects.toThrow(/targett/);
  });

  it('builds AppImage and deb, an NSIS installer and a dmg of “Newsroom Review” / 稿件审校 with the app’s icon', async () => {
    const config = await loadConfig();
    expect(config.productName).toBe('Newsroom Review');
    expect([config.linux?.target, config.win?.target, config.mac?.target]).toEqual([['AppImage', 'deb'], 'nsis', 'dmg']);
    expect(config.linux?.desktop).toMatchObject({ Name: 'Newsroom Review', 'Name[zh_CN]': '稿件审校' });
    const strings = await readFile(join(PROJECT_ROOT, 'resources/mac/zh_CN.lproj/InfoPlist.strings'), 'utf8');
    expect(strings).toContain('CFBundleDisplayName = "稿件审校";');
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) expect(icon).toBe('resources/icons/icon.png');
  });

  it('packages the built app and package.json only: no sources, tests, benchmark page, source maps or workspace data', async () => {
    const dir = await workingCopy();
    const config = await loadConfig(dir);
    expect(await appFiles(dir, config)).toEqual([
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/assets/app-DSj29qbg.js',
      'out/renderer/assets/app-WK19_g5A.css',
      'out/renderer/assets/index-CdGe0bNV.js',
      'out/renderer/favicon.svg',
      'out/renderer/index.html',
      'package.json',
    ]);
    expect(await extraResourceFiles(dir, config, config.linux!)).toEqual(['resources/sample/article.json', 'resources/sample/figure-1.png']);
    expect(await extraResourceFiles(dir, config, config.mac!)).toEqual([
      'resources/mac/zh_CN.lproj/InfoPlist.strings',
      'resources/sample/article.json',
      'resources/sample/figure-1.png',
    ]);
  });

  it('takes nothing but the build output and package.json from this working copy', async () => {
    const files = await appFiles(PROJECT_ROOT, await loadConfig());
    expect(files).toContain('package.json');
    expect(files.filter((file) => file !== 'package.json' && !/^out\/(main|preload|renderer)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map') || file.includes('bench'))).toEqual([]);
  });

  it('has an icon electron-builder turns into .ico and .icns', async () => {
    const icon = join(PROJECT_ROOT, 'resources/icons/icon.png');
    const size = imageSize(await readFile(icon));
    expect([size.type, size.width, size.height]).toEqual(['png', 1024, 1024]);
    const out = await tempDir();
    const run = promisify(execFile);
    for (const format of ['ico', 'icns']) {
      await run(appBuilderPath, ['icon', '--format', format, '--input', icon, '--out', join(out, format)]);
    }
    const written = JSON.stringify(await walk(out));
    expect(written).toMatch(/\.ico"/);
    expect(written).toMatch(/\.icns"/);
  });
});
