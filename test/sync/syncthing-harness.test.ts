import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSyncthing, type SyncthingCluster } from '../helpers/syncthing/daemons';
import { groupMembers, isLoopbackOrUnbound, socketsOfGroup } from '../helpers/syncthing/sockets';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs('nr-sync-harness-');
let cluster: SyncthingCluster | null = null;

afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

interface DaemonConfig {
  options: Record<string, unknown> & { listenAddresses: string[] };
  devices: Array<{ deviceID: string; addresses: string[] }>;
  gui: { address: string };
}

async function arrives(path: string, text: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if ((await readFile(path, 'utf8').catch(() => null)) === text) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`${path} never held the text written at the other desk`);
}

describe('Syncthing daemons for tests', () => {
  it('run on loopback only, sync a folder both ways, and leave neither process nor home behind', async () => {
    const root = await tempDir();
    const folders = [join(root, 'a'), join(root, 'b')];
    for (const folder of folders) await mkdir(folder);
    cluster = await startSyncthing(folders);
    await cluster.connected();

    for (const desk of cluster.desks) {
      // As the daemon itself understood its config: nothing but loopback, nothing phoning home.
      const config = await desk.rest<DaemonConfig>('/rest/config');
      expect(config.options.listenAddresses).toEqual([`tcp://127.0.0.1:${desk.listenPort}`]);
      expect(config.options).toMatchObject({
        globalAnnounceEnabled: false,
        localAnnounceEnabled: false,
        relaysEnabled: false,
        natEnabled: false,
        announceLANAddresses: false,
        urAccepted: -1,
        crashReportingEnabled: false,
        autoUpgradeIntervalH: 0,
        stunKeepaliveStartS: 0,
      });
      expect(config.gui.address).toBe(`127.0.0.1:${desk.guiPort}`);
      for (const device of config.devices) for (const address of device.addresses) expect(address).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);

      const sockets = await socketsOfGroup(desk.pid);
      expect(sockets.length).toBeGreaterThan(0);
      expect(sockets.filter((socket) => socket.protocol.startsWith('udp'))).toEqual([]);
      expect(sockets.filter((socket) => !isLoopbackOrUnbound(socket.local) || !isLoopbackOrUnbound(socket.remote))).toEqual([]);
    }

    const [a, b] = folders as [string, string];
    await writeFile(join(a, 'from-a.txt'), 'written at desk A');
    await arrives(join(b, 'from-a.txt'), 'written at desk A');
    await mkdir(join(b, 'nested', 'folder'), { recursive: true });
    await writeFile(join(b, 'nested', 'folder', 'from-b.txt'), '写在 B 桌');
    await arrives(join(a, 'nested', 'folder', 'from-b.txt'), '写在 B 桌');
    await cluster.inSync();

    const { desks } = cluster;
    await cluster.stop();
    for (const desk of desks) {
      expect(await groupMembers(desk.pid)).toEqual([]);
      await expect(stat(desk.home)).rejects.toMatchObject({ code: 'ENOENT' });
    }
    // The shared folders are the caller's: they stay.
    expect(await readFile(join(a, 'nested', 'folder', 'from-b.txt'), 'utf8')).toBe('写在 B 桌');
  }, 90_000);
});
