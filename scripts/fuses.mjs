// Electron Fuses: switches compiled into the Electron binary, flipped in the file after packing
// (https://www.electronjs.org/docs/latest/tutorial/fuses). The app's own binary gets the settings in
// electron-builder.yml (`electronFuses`); this module holds the capture interpreter's, and reads any
// binary's wire back by name for the checks in `npm run pack:standin` and the packaging specs.
import fuses from '@electron/fuses';

const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = fuses;
/** The bytes Electron's wire uses per fuse (@electron/fuses' FuseState, which its index does not export). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31, REMOVED: 0x72, INHERIT: 0x90 };

/**
 * The capture interpreter (Linux): a copy of the Electron binary that only ever runs the capture helper
 * script as Node (ELECTRON_RUN_AS_NODE=1), so it alone keeps RunAsNode. It holds cap_net_raw and
 * cap_net_admin (packaging/linux/grant-capture.sh), so nothing else that could steer Node is left on:
 * no NODE_OPTIONS / NODE_EXTRA_CA_CERTS, no --inspect, no file:// privileges.
 */
export const CAPTURE_INTERPRETER_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The file name of the capture interpreter, beside the app's executable. */
export const CAPTURE_INTERPRETER = 'wirewatch-capture';

/** Flips `fuses` in the binary at `path`; resolves with the number of fuse wires found (1, or 2 in a universal macOS binary). */
export function flip(path, fuses) {
  return flipFuses(path, fuses);
}

/** The binary's fuses by name: 'on', 'off', 'removed' or 'inherit'. */
export async function readFuses(path) {
  const wire = await getCurrentFuseWire(path);
  const named = {};
  for (const [index, state] of Object.entries(wire)) {
    if (index === 'version') continue;
    const name = FuseV1Options[Number(index)] ?? `fuse${index}`;
    named[name] =
      state === FuseState.ENABLE
        ? 'on'
        : state === FuseState.DISABLE
          ? 'off'
          : state === FuseState.REMOVED
            ? 'removed'
            : 'inherit';
  }
  return named;
}
