/** The tools measured over the capture: Wirewatch and its peers, each doing its usual job on the file. */
import { spawnSync } from 'node:child_process';
import { WIREWATCH_BIN } from './repo-paths';

export interface Tool {
  readonly name: string;
  /** What the command does with the file, for the report. */
  readonly does: string;
  readonly command: string;
  args(file: string): string[];
  /** The Debian package that provides it. */
  readonly aptPackage: string;
  /** Measured once, not `--runs` times: it is tens of times slower than the others. */
  readonly once?: boolean;
}

export function wirewatchTool(summaryPath: string): Tool {
  return {
    name: 'wirewatch',
    does: 'analyze: decode, flows, rules, ONNX models, summary',
    command: process.execPath,
    args: (file) => [WIREWATCH_BIN, 'analyze', file, '--summary', summaryPath],
    aptPackage: 'nodejs',
  };
}

export const PEERS: readonly Tool[] = [
  {
    name: 'tcpdump',
    does: 'read and rewrite every packet (-w /dev/null)',
    command: 'tcpdump',
    args: (file) => ['-n', '-r', file, '-w', '/dev/null'],
    aptPackage: 'tcpdump',
  },
  {
    name: 'argus',
    does: 'build flow records (-w /dev/null)',
    command: 'argus',
    args: (file) => ['-r', file, '-w', '/dev/null'],
    aptPackage: 'argus-server',
  },
  {
    name: 'tshark',
    does: 'dissect every packet, IPv4 conversations (-q -z conv,ip)',
    command: 'tshark',
    args: (file) => ['-r', file, '-q', '-z', 'conv,ip'],
    aptPackage: 'tshark',
    once: true,
  },
];

export function isInstalled(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v "${command}"`], { stdio: 'ignore' }).status === 0;
}
