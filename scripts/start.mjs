// `npm start`: the desktop app where an Electron binary exists; otherwise the same window served
// to the default browser by `wirewatch serve --open`, with a line saying why.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.mjs';

if (!existsSync('dist/main/index.cjs')) {
  console.error('wirewatch: not built yet; run `npm run build` first');
  process.exit(1);
}

const electron = findElectronBinary();
const [command, args] =
  'path' in electron
    ? [electron.path, ['dist/main/index.cjs', ...process.argv.slice(2)]]
    : [process.execPath, ['bin/wirewatch.cjs', 'serve', '--open', ...process.argv.slice(2)]];
if ('missing' in electron) {
  console.log(`The desktop window ${electron.missing}`);
  console.log('Starting the browser host instead (wirewatch serve --open); open the URL below if no browser appears.');
}
const child = spawn(command, args, { stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
