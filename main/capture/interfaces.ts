/**
 * Lists network interfaces for the Live Capture picker. Node's os.networkInterfaces() omits
 * interfaces without addresses and says nothing of link state, so on Linux /sys/class/net is read
 * as well (operstate, wireless/ directory).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { CaptureInterface, InterfaceAddress } from '../../preload/api/capture';

const SYS_NET = '/sys/class/net';

export async function listCaptureInterfaces(): Promise<CaptureInterface[]> {
  const withAddresses = networkInterfaces();
  const names = new Set([...Object.keys(withAddresses), ...(await linuxInterfaceNames())]);
  const list = await Promise.all([...names].map(async (name) => describe(name, withAddresses[name] ?? [])));
  // Loopback last: people almost always want a real interface first.
  return list.sort((a, b) => Number(a.loopback) - Number(b.loopback) || a.name.localeCompare(b.name));
}

async function describe(name: string, infos: readonly NetworkInterfaceInfo[]): Promise<CaptureInterface> {
  const addresses: InterfaceAddress[] = infos.map((info) => ({
    address: info.address,
    family: info.family,
    cidr: info.cidr,
  }));
  const mac = infos.find((info) => info.mac !== '00:00:00:00:00:00')?.mac ?? (await sysText(name, 'address'));
  return {
    name,
    addresses,
    mac: mac === undefined || mac === '00:00:00:00:00:00' ? null : mac,
    state: (await sysText(name, 'operstate')) ?? 'unknown',
    loopback: infos.some((info) => info.internal) || name === 'lo',
    wireless: await exists(`${SYS_NET}/${name}/wireless`),
  };
}

async function linuxInterfaceNames(): Promise<string[]> {
  if (process.platform !== 'linux') return [];
  return readdir(SYS_NET).catch(() => []);
}

async function sysText(name: string, file: string): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  return readFile(`${SYS_NET}/${name}/${file}`, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
