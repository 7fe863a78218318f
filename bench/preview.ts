import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { TOKEN_COOKIE } from '../src/main/preview/http-security';
import { onAbort } from './cleanup';

const PROJECT_ROOT = resolve(import.meta.dirname, '..');
const READY = /Preview ready: (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))/;

export interface RunningPreview {
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts the browser preview (`tsx src/main/preview/cli.ts`) on a free port over `workspace`,
 * working as `user`, in its own process group so that stopping it also stops tsx's node child.
 */
export async function startPreview(workspace: string, user: string, timeoutMs = 60_000): Promise<RunningPreview> {
  const child = spawn('npx', ['tsx', 'src/main/preview/cli.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, APP_WORKSPACE: workspace, PORT: '0', APP_USER: user },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const forget = onAbort(() => signalGroup(child, 'SIGKILL'));
  const stop = () => stopGroup(child).finally(forget);
  try {
    const url = await new Promise<URL>((resolveUrl, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the preview did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = READY.exec(output);
        if (match) {
          clearTimeout(timer);
          resolveUrl(new URL(match[1]!));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the preview exited with code ${code}:\n${output}`));
      });
    });
    return { origin: url.origin, token: url.searchParams.get('token')!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signals the child's whole process group (npx, tsx and the node running the preview). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The project's flags for Debian's chromium (DESIGN.md, Testing). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Without these, headless Chromium renders on a 60 Hz tick, so the first frame after a change
 * made by a timer or a network response (the article arriving, say) waits 0 to 16.7 ms for the
 * tick, whatever the page did. With them, a change is rendered as soon as the main thread is
 * free, so the figures measure the page's work rather than the tick's phase. (Frames after key
 * input are already aligned with the input; `npm run bench -- --vsync` keeps the tick.)
 */
export const UNTHROTTLED_FRAME_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/** Launches Debian's Chromium headless; it is closed on Ctrl-C too (see cleanup.ts). */
export async function launchChromium({ vsync = false }: { vsync?: boolean } = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: vsync ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, ...UNTHROTTLED_FRAME_ARGS],
  });
  const forget = onAbort(() => browser.close());
  browser.on('disconnected', forget);
  return browser;
}

/** A fresh browser context already holding the preview's token cookie (what `/?token=` would set). */
export async function previewContext(browser: Browser, preview: RunningPreview): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await context.addCookies([{ name: TOKEN_COOKIE, value: preview.token, url: preview.origin, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}
