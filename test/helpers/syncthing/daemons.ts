/**
 * Real Syncthing daemons on this machine, sharing one folder between them over loopback: for
 * tests and benchmarks of desks that share a workspace. Each daemon gets its own home folder,
 * whose config.xml is written before its first start (config-xml.ts: 127.0.0.1 only). `stop()`
 * stops every daemon and removes the homes; daemons still running when the process exits are
 * killed then, so none is ever left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configXml, LOOPBACK, type Device } from './config-xml';

export const SYNCTHING_BINARY = process.env.SYNCTHING_PATH ?? '/usr/bin/syncthing';
export const FOLDER_ID = 'newsroom-workspace';

/** Environment of every daemon: no upgrades, no restarts by a monitor process, no default folder. */
const DAEMON_ENV = { STNOUPGRADE: '1', STNORESTART: '1', STNODEFAULTFOLDER: '1' };

export interface SyncthingDesk {
  name: string;
  deviceId: string;
  /** The daemon's process (the leader of its process group). */
  pid: number;
  home: string;
  /** The shared folder on this desk. */
  folder: string;
  listenPort: number;
  guiPort: number;
  apiKey: string;
  /** A REST call to this daemon (`path` like "/rest/system/ping"). */
  rest<T = unknown>(path: string, method?: 'GET' | 'POST'): Promise<T>;
  /** Asks the daemon to scan the folder now instead of waiting for its watcher. */
  scan(): Promise<void>;
  /** The daemon's log so far (for a failure's message). */
  log(): Promise<string>;
}

export interface SyncthingCluster {
  folderId: string;
  desks: SyncthingDesk[];
  /** Waits until every desk is connected to every other one. */
  connected(timeoutMs?: number): Promise<void>;
  /** Waits until every desk has scanned and every desk has everything every other one has. */
  inSync(timeoutMs?: number): Promise<void>;
  /** Stops every daemon and removes its home; safe to call twice. */
  stop(): Promise<void>;
}

export interface SyncthingOptions {
  /** Seconds the watcher gathers changes before a scan (Syncthing's default is 10). */
  fsWatcherDelayS?: number;
  /** Seconds between full rescans (Syncthing's default is 3600). */
  rescanIntervalS?: number;
  startTimeoutMs?: number;
}

interface Running {
  child: ChildProcess;
  home: string;
}

const running = new Set<Running>();
let exitHookInstalled = false;

/** Last resort: whatever is still running when the process exits is killed, and its home removed. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const daemon of running) {
      signal(daemon.child, 'SIGKILL');
      rmSync(daemon.home, { recursive: true, force: true });
    }
  });
}

/** Signals the daemon's whole process group (Syncthing runs a monitor and the daemon proper). */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // already gone
  }
}

async function stopDaemon(daemon: Running): Promise<void> {
  const { child } = daemon;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    signal(child, 'SIGTERM');
    const timer = setTimeout(() => signal(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  // The monitor has gone; nothing of its group may outlive it.
  signal(child, 'SIGKILL');
  running.delete(daemon);
  await rm(daemon.home, { recursive: true, force: true });
}

/** A free loopback port (a tiny race with whoever binds it next; the daemon fails loudly then). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function run(args: string[]): Promise<string> {
  return new Promise((resolveOutput, reject) => {
    const child = spawn(SYNCTHING_BINARY, args, { env: { ...process.env, ...DAEMON_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => reject(new Error(`${SYNCTHING_BINARY} could not be run (${error.message}); install Debian's syncthing package`)));
    child.once('exit', (code) => (code === 0 ? resolveOutput(output) : reject(new Error(`syncthing ${args[0]} exited with ${code}:\n${output}`))));
  });
}

/** Makes a home with a new key and certificate; the device id is derived from them. */
async function generateIdentity(home: string): Promise<string> {
  const output = await run(['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing']);
  const match = /Device ID:\s*([A-Z0-9]{7}(?:-[A-Z0-9]{7}){7})/.exec(output);
  if (!match) throw new Error(`syncthing generate did not print a device id:\n${output}`);
  return match[1]!;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | false>, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

/**
 * Starts one daemon per folder in `folders` (which must exist), every one sharing its folder
 * with every other under one folder id, and waits until each answers its REST API.
 */
export async function startSyncthing(folders: readonly string[], options: SyncthingOptions = {}): Promise<SyncthingCluster> {
  if (folders.length < 2) throw new Error('a shared folder needs at least two desks');
  installExitHook();
  const base = await mkdtemp(join(tmpdir(), 'nr-syncthing-'));
  const daemons: Running[] = [];
  const stop = async () => {
    await Promise.all(daemons.map(stopDaemon));
    await rm(base, { recursive: true, force: true });
  };
  try {
    const plans = [];
    for (const [index, folder] of folders.entries()) {
      const home = join(base, `desk-${index + 1}`);
      await mkdir(home, { recursive: true });
      plans.push({ home, folder, device: { id: await generateIdentity(home), name: `desk-${index + 1}`, port: await freePort() }, guiPort: await freePort(), apiKey: randomBytes(18).toString('base64url') });
    }
    const desks: SyncthingDesk[] = [];
    for (const plan of plans) {
      const peers: Device[] = plans.filter((other) => other !== plan).map((other) => other.device);
      const folder = { id: FOLDER_ID, label: 'Newsroom workspace', path: plan.folder, rescanIntervalS: options.rescanIntervalS ?? 10, fsWatcherDelayS: options.fsWatcherDelayS ?? 1 };
      await writeFile(join(plan.home, 'config.xml'), configXml({ self: plan.device, peers, gui: { port: plan.guiPort, apiKey: plan.apiKey }, folder }));
      // Syncthing refuses a folder without its marker (so an unmounted share is never taken for an emptied one).
      await mkdir(join(plan.folder, '.stfolder'), { recursive: true });
      const child = spawn(SYNCTHING_BINARY, ['serve', `--home=${plan.home}`, '--no-browser', '--no-restart', '--no-upgrade', `--logfile=${join(plan.home, 'syncthing.log')}`], {
        env: { ...process.env, ...DAEMON_ENV },
        stdio: 'ignore',
        detached: true,
      });
      const daemon = { child, home: plan.home };
      daemons.push(daemon);
      running.add(daemon);
      desks.push(deskOf(plan.device, plan, child.pid ?? -1));
    }
    const timeout = options.startTimeoutMs ?? 30_000;
    for (const [index, desk] of desks.entries()) {
      const child = daemons[index]!.child;
      await until(`${desk.name} to answer`, timeout, async () => {
        if (child.exitCode !== null) throw new Error(`syncthing exited with ${child.exitCode}:\n${await desk.log()}`);
        return (await desk.rest<{ ping: string }>('/rest/system/ping')).ping === 'pong';
      });
    }
    const cluster: SyncthingCluster = {
      folderId: FOLDER_ID,
      desks,
      connected: (timeoutMs = 30_000) => allConnected(desks, timeoutMs),
      inSync: (timeoutMs = 30_000) => allInSync(desks, timeoutMs),
      stop,
    };
    return cluster;
  } catch (error) {
    await stop();
    throw error;
  }
}

function deskOf(device: Device, { home, folder, guiPort, apiKey }: { home: string; folder: string; guiPort: number; apiKey: string }, pid: number): SyncthingDesk {
  const rest = async <T>(path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> => {
    const response = await fetch(`http://${LOOPBACK}:${guiPort}${path}`, { method, headers: { 'X-API-Key': apiKey } });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    name: device.name,
    deviceId: device.id,
    pid,
    home,
    folder,
    listenPort: device.port,
    guiPort,
    apiKey,
    rest,
    scan: async () => void (await rest(`/rest/db/scan?folder=${FOLDER_ID}`, 'POST')),
    log: () => readFile(join(home, 'syncthing.log'), 'utf8').catch(() => ''),
  };
}

interface Connections {
  connections: Record<string, { connected: boolean; address: string }>;
}

async function allConnected(desks: readonly SyncthingDesk[], timeoutMs: number): Promise<void> {
  for (const desk of desks) {
    await until(`${desk.name} to connect to every other desk`, timeoutMs, async () => {
      const { connections } = await desk.rest<Connections>('/rest/system/connections');
      return desks.every((other) => other === desk || connections[other.deviceId]?.connected === true);
    });
  }
}

interface FolderStatus {
  state: string;
  needTotalItems: number;
  globalFiles: number;
  localFiles: number;
}

interface Completion {
  completion: number;
  needItems: number;
  needDeletes: number;
}

/** Every desk idle with nothing to pull, and each peer complete as every desk sees it. */
async function allInSync(desks: readonly SyncthingDesk[], timeoutMs: number): Promise<void> {
  await Promise.all(desks.map((desk) => desk.scan()));
  await until('every desk to be in sync', timeoutMs, async () => {
    for (const desk of desks) {
      const status = await desk.rest<FolderStatus>(`/rest/db/status?folder=${FOLDER_ID}`);
      if (status.state !== 'idle' || status.needTotalItems !== 0) return false;
      for (const other of desks) {
        if (other === desk) continue;
        const completion = await desk.rest<Completion>(`/rest/db/completion?folder=${FOLDER_ID}&device=${other.deviceId}`);
        if (completion.completion < 100 || completion.needItems > 0 || completion.needDeletes > 0) return false;
      }
    }
    return true;
  }, 200);
}
