// electron-builder's afterPack hook (electron-builder.yml). On Linux it makes the capture interpreter:
// a copy of the just-packed Electron binary that keeps RunAsNode so it can run the capture helper
// script as Node, while the app's own binary loses it (its fuses are flipped after this hook).
// The copy is what packaging/linux/grant-capture.sh gives cap_net_raw,cap_net_admin: setcap needs a
// real executable (a script's capabilities are ignored), and giving them to the app's binary would
// hand them to every renderer and GPU process it starts too. Why a copy and not a hard link: file
// capabilities and fuses belong to the inode, and the app's binary must keep neither.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CAPTURE_INTERPRETER, CAPTURE_INTERPRETER_FUSES, flip } from './fuses.mjs';

export async function afterPack(context) {
  if (context.electronPlatformName !== 'linux') return;
  const app = join(context.appOutDir, context.packager.executableName);
  const interpreter = join(context.appOutDir, CAPTURE_INTERPRETER);
  await copyFile(app, interpreter);
  const wires = await flip(interpreter, CAPTURE_INTERPRETER_FUSES);
  console.log(`  • capture interpreter  file=${interpreter} fuseWires=${wires}`);
}

export default afterPack;
