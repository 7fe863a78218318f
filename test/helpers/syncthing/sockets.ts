/**
 * The network sockets a process group holds, read from /proc (Linux): to check that a daemon
 * only ever binds and talks to loopback.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';

export interface Socket {
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  local: string;
  remote: string;
}

/** Process ids whose process group is `pgid`. */
export async function groupMembers(pgid: number): Promise<number[]> {
  const out: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    // Fields after the command name: state, ppid, pgrp, …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) out.push(Number(name));
  }
  return out;
}

async function socketInodes(pid: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match) inodes.add(match[1]!);
  }
  return inodes;
}

function address(hex: string): string {
  const [host, port] = hex.split(':') as [string, string];
  const bytes = host.match(/../g)!.map((byte) => parseInt(byte, 16));
  const portNumber = parseInt(port, 16);
  if (bytes.length === 4) return `${[...bytes].reverse().join('.')}:${portNumber}`;
  // IPv6 in /proc is four little-endian 32-bit words.
  const words = [0, 4, 8, 12].map((at) => bytes.slice(at, at + 4).reverse());
  const flat = words.flat();
  const isMapped = flat.slice(0, 10).every((b) => b === 0) && flat[10] === 0xff && flat[11] === 0xff;
  if (isMapped) return `${flat.slice(12).join('.')}:${portNumber}`;
  const groups = [];
  for (let at = 0; at < 16; at += 2) groups.push(((flat[at]! << 8) | flat[at + 1]!).toString(16));
  return `[${groups.join(':')}]:${portNumber}`;
}

/** Every internet socket held by any process of the group. */
export async function socketsOfGroup(pgid: number): Promise<Socket[]> {
  const inodes = new Set<string>();
  for (const pid of await groupMembers(pgid)) for (const inode of await socketInodes(pid)) inodes.add(inode);
  const out: Socket[] = [];
  for (const protocol of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    const table = await readFile(`/proc/net/${protocol}`, 'utf8').catch(() => '');
    for (const line of table.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length < 10 || !inodes.has(columns[9]!)) continue;
      out.push({ protocol, local: address(columns[1]!), remote: address(columns[2]!) });
    }
  }
  return out;
}

/** 127.0.0.0/8, ::1, or the unspecified remote end of a listening socket. */
export function isLoopbackOrUnbound(endpoint: string): boolean {
  return /^127\./.test(endpoint) || endpoint.startsWith('[0:0:0:0:0:0:0:1]') || /^0\.0\.0\.0:0$/.test(endpoint) || endpoint === '[0:0:0:0:0:0:0:0]:0';
}
