/**
 * A Syncthing 1.19 `config.xml` (config version 36) for a daemon that only ever talks to
 * 127.0.0.1: it listens on a loopback port, knows its peers by explicit loopback addresses
 * (never "dynamic"), and has every way of reaching beyond the machine turned off — global and
 * local discovery, relays, NAT traversal, STUN, LAN address announcing, usage and crash
 * reporting, automatic upgrades. Written before the daemon's first start, so it never runs
 * with Syncthing's defaults.
 */

export interface Device {
  /** Syncthing device id (from `syncthing generate`). */
  id: string;
  name: string;
  /** The loopback port this device listens on for other devices. */
  port: number;
}

export interface DaemonConfig {
  self: Device;
  peers: readonly Device[];
  gui: { port: number; apiKey: string };
  folder: {
    id: string;
    label: string;
    path: string;
    /** Seconds between full rescans (the watcher catches changes in between). */
    rescanIntervalS: number;
    /** Seconds the file watcher gathers changes before a scan. */
    fsWatcherDelayS: number;
  };
}

export const LOOPBACK = '127.0.0.1';

export function loopbackAddress(port: number): string {
  return `tcp://${LOOPBACK}:${port}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function deviceXml(device: Device): string {
  return [
    `    <device id="${escapeXml(device.id)}" name="${escapeXml(device.name)}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">`,
    `        <address>${loopbackAddress(device.port)}</address>`,
    '        <paused>false</paused>',
    '        <autoAcceptFolders>false</autoAcceptFolders>',
    '    </device>',
  ].join('\n');
}

/** Options that keep the daemon on loopback and quiet; everything not named keeps Syncthing's default. */
function optionsXml(self: Device): string {
  const options: Array<[string, string | number | boolean]> = [
    ['listenAddress', loopbackAddress(self.port)],
    ['globalAnnounceEnabled', false],
    ['localAnnounceEnabled', false],
    ['relaysEnabled', false],
    ['natEnabled', false],
    ['announceLANAddresses', false],
    // STUN finds an outside address for global discovery; 0 turns it off.
    ['stunKeepaliveStartS', 0],
    ['urAccepted', -1],
    ['crashReportingEnabled', false],
    ['autoUpgradeIntervalH', 0],
    ['startBrowser', false],
    // A peer that was not up yet is dialled again soon, not after Syncthing's default minute.
    ['reconnectionIntervalS', 1],
    ['restartOnWakeup', false],
    ['setLowPriority', false],
  ];
  return ['    <options>', ...options.map(([name, value]) => `        <${name}>${escapeXml(String(value))}</${name}>`), '    </options>'].join('\n');
}

export function configXml(config: DaemonConfig): string {
  const devices = [config.self, ...config.peers];
  const { folder } = config;
  return [
    '<configuration version="36">',
    `    <folder id="${escapeXml(folder.id)}" label="${escapeXml(folder.label)}" path="${escapeXml(folder.path)}" type="sendreceive" rescanIntervalS="${folder.rescanIntervalS}" fsWatcherEnabled="true" fsWatcherDelayS="${folder.fsWatcherDelayS}" ignorePerms="false" autoNormalize="true">`,
    '        <filesystemType>basic</filesystemType>',
    ...devices.map((device) => `        <device id="${escapeXml(device.id)}" introducedBy=""></device>`),
    '        <minDiskFree unit="%">0</minDiskFree>',
    '        <markerName>.stfolder</markerName>',
    '    </folder>',
    ...devices.map(deviceXml),
    '    <gui enabled="true" tls="false" debugging="false">',
    `        <address>${LOOPBACK}:${config.gui.port}</address>`,
    `        <apikey>${escapeXml(config.gui.apiKey)}</apikey>`,
    '    </gui>',
    optionsXml(config.self),
    '</configuration>',
    '',
  ].join('\n');
}
