/**
 * What to tell someone whose capture helper may not open the interface: what is missing, and the
 * exact step that grants it on this OS. Only the helper needs the privilege; the window never runs
 * as root.
 */

export interface PermissionAdvice {
  /** One sentence: what happened. */
  readonly message: string;
  /** The command or step that fixes it. */
  readonly fix: string;
}

/**
 * `execPath` is the program that runs the helper (node, or Electron running as node): file
 * capabilities belong to an executable, so that is what `setcap` must name.
 */
export function permissionAdvice(
  interfaceName: string,
  libpcapMessage: string,
  execPath: string,
  platform: NodeJS.Platform = process.platform,
): PermissionAdvice {
  const message = `Wirewatch's capture helper may not capture on ${interfaceName} (${libpcapMessage}).`;
  switch (platform) {
    case 'linux':
      return {
        message,
        fix:
          `Grant the capture helper's runtime the two capture capabilities, once: ` +
          `sudo setcap cap_net_raw,cap_net_admin=eip ${quote(execPath)}` +
          ` — or run \`wirewatch capture\` with sudo. Only the helper uses them; the window never runs as root.`,
      };
    case 'darwin':
      return {
        message,
        fix:
          'Give your user read access to the BPF devices: install Wireshark\'s "ChmodBPF" package ' +
          '(or run `sudo chmod o+r /dev/bpf*` until the next restart), then start the capture again.',
      };
    case 'win32':
      return {
        message,
        fix: 'Install Npcap (https://npcap.com) without "Restrict Npcap driver\'s access to Administrators only", then start the capture again.',
      };
    default:
      return { message, fix: 'Run the capture with an account allowed to open packet capture devices.' };
  }
}

function quote(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}
