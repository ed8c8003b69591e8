// `npm run pack:standin`: packs Wirewatch for Linux (`--linux dir`) with the real electron-builder and
// electron-builder.yml, against a stand-in Electron (packaging/standin/electron.c, compiled here: no
// Electron binary can be downloaded on these machines), then checks what a user would install:
//   - app.asar holds the built app and the production dependencies, nothing from devDependencies;
//   - native code (cap's .node, onnxruntime-node's .node and .so) sits unpacked beside it, and only
//     for this platform and architecture;
//   - resources/ holds the models, the demo capture and grant-capture.sh;
//   - the fuses are flipped in the packed binary (read back from the file, and by running it), and
//     the capture interpreter keeps RunAsNode while the app's binary does not.
// Prints the contents and sizes; `--report FILE` also writes them as JSON. Exits 1 when a check fails.
// Options: --out DIR (default node_modules/.cache/wirewatch-pack), --keep (leave the packed folder).
// `cap` is not rebuilt for Electron's ABI here (npmRebuild off): Electron's headers are a download.
import { createPackage, extractFile, getRawHeader, listPackage } from '@electron/asar';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CAPTURE_INTERPRETER, readFuses } from './fuses.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, 'node_modules', '.cache', 'wirewatch-pack') },
    report: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const outDir = resolve(options.out);
const say = (line) => console.log(line);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!existsSync(join(root, pkg.main))) {
  console.error(`pack:standin: ${pkg.main} is missing; run \`npm run build\` first`);
  process.exit(1);
}

// --- the stand-in Electron folder: what electron-builder copies from Electron's linux zip ---------
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const electronDist = join(outDir, 'electron-dist');
// Only the folders this script makes are cleared: --out may name a folder holding other things.
for (const made of ['electron-dist', 'default-app', 'out'])
  rmSync(join(outDir, made), { recursive: true, force: true });
mkdirSync(join(electronDist, 'resources'), { recursive: true });
execFileSync('gcc', ['-O2', '-o', join(electronDist, 'electron'), join(root, 'packaging', 'standin', 'electron.c')]);
writeFileSync(join(electronDist, 'version'), electronVersion);
writeFileSync(join(electronDist, 'LICENSE'), 'Stand-in for Electron (MIT); see packaging/standin/electron.c\n');
writeFileSync(join(electronDist, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
// Electron ships its default app as an asar (electron-builder hashes every asar for the integrity check).
const defaultApp = join(outDir, 'default-app');
mkdirSync(defaultApp, { recursive: true });
writeFileSync(join(defaultApp, 'package.json'), JSON.stringify({ name: 'electron', main: 'main.js' }));
writeFileSync(join(defaultApp, 'main.js'), "console.log('Electron default app (stand-in)');\n");
await createPackage(defaultApp, join(electronDist, 'resources', 'default_app.asar'));

// --- pack -----------------------------------------------------------------------------------------
const { build, Platform, Arch } = require('electron-builder');
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const started = Date.now();
await build({
  projectDir: root,
  targets: Platform.LINUX.createTarget('dir', Arch[arch]),
  config: {
    electronDist,
    electronVersion,
    npmRebuild: false,
    directories: { output: join(outDir, 'out') },
  },
  publish: 'never',
});
const packSeconds = (Date.now() - started) / 1000;
const appDir = join(outDir, 'out', arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
const resources = join(appDir, 'resources');
const asarPath = join(resources, 'app.asar');

// --- what the production dependency closure is (node's lookup: node_modules folders up from each package) ---
/** Declaration-only packages (`@types/*`, undici-types) that protobufjs lists as dependencies: nothing to run. */
const isDeclarationsOnly = (name) => name.startsWith('@types/') || name === 'undici-types';

function productionClosure() {
  const found = new Map();
  const locate = (name, fromDir) => {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name, 'package.json');
      if (existsSync(candidate)) return candidate;
      if (dir === root || dirname(dir) === dir) return undefined;
    }
  };
  const visit = (name, fromDir) => {
    // An optional dependency for another platform is not installed: nothing to ship.
    const manifestPath = locate(name, fromDir);
    if (manifestPath === undefined) return;
    const dir = dirname(manifestPath);
    const key = relative(root, dir).split(sep).join('/');
    if (found.has(key)) return;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    found.set(key, manifest.name);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, dir);
  };
  for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, root);
  return found;
}

/** The package folders (node_modules/x, node_modules/@s/x, nested ones too) among the asar's and unpacked files. */
function packagesIn(paths) {
  const packages = new Set();
  for (const path of paths) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(path);
    if (match !== null) packages.add(match[1]);
  }
  return packages;
}

function walk(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path, base) : [relative(base, path).split(sep).join('/')];
  });
}

function sizeOf(dir) {
  return walk(dir).reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
}

// --- checks ---------------------------------------------------------------------------------------
const checks = [];
const check = (name, ok, detail) => checks.push({ name, ok: Boolean(ok), detail });

const asarFiles = listPackage(asarPath, { isPack: false }).map((path) => path.replace(/^\//, ''));
const header = getRawHeader(asarPath).header;
const entryOf = (path) =>
  path.split('/').reduce((node, part) => (node === undefined ? undefined : node.files?.[part]), header);
const unpackedDir = join(resources, 'app.asar.unpacked');
const unpackedFiles = walk(unpackedDir);

const shipped = packagesIn([...asarFiles, ...unpackedFiles]);
const closure = productionClosure();
const expected = new Set([...closure].filter(([, name]) => !isDeclarationsOnly(name)).map(([path]) => path));
const extra = [...shipped].filter((path) => !expected.has(path));
const missing = [...expected].filter((path) => !shipped.has(path));
check('every production dependency is in the package', missing.length === 0, missing.join(', ') || `${shipped.size}`);
check('nothing outside the production dependencies is in the package', extra.length === 0, extra.join(', '));
const devOnly = Object.keys(pkg.devDependencies ?? {}).filter(
  (name) => ![...closure.values()].includes(name) && shipped.has(`node_modules/${name}`),
);
check('no devDependency is in the package', devOnly.length === 0, devOnly.join(', '));

const packedManifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8'));
check('the packed package.json names its main entry', packedManifest.main === pkg.main, packedManifest.main);
for (const path of [
  pkg.main,
  'dist/main/cli.cjs',
  'dist/main/analysis-worker.cjs',
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
  'bin/wirewatch.cjs',
  'package.json',
]) {
  check(`app.asar holds ${path}`, asarFiles.includes(path));
}
const leaked = asarFiles.filter((path) => /\.(map|ts|svelte)$/.test(path) && !path.startsWith('node_modules/'));
check('no sources or source maps of the app are packed', leaked.length === 0, leaked.slice(0, 5).join(', '));

const nativeInAsar = asarFiles.filter((path) => /\.(node|so(\.\d+)*|dylib|dll)$/.test(path));
const nativePacked = nativeInAsar.filter((path) => entryOf(path)?.unpacked !== true);
check('every native binary is unpacked from the asar', nativePacked.length === 0, nativePacked.join(', '));
const ortDir = `node_modules/onnxruntime-node/bin/napi-v6/linux/${arch}`;
for (const path of [
  'node_modules/cap/build/Release/cap.node',
  `${ortDir}/onnxruntime_binding.node`,
  `${ortDir}/libonnxruntime.so.1`,
]) {
  check(`${path} is unpacked`, unpackedFiles.includes(path));
}
const foreign = [...asarFiles, ...unpackedFiles].filter(
  (path) =>
    path.startsWith('node_modules/onnxruntime-node/bin/') &&
    !`${ortDir}/`.startsWith(`${path}/`) &&
    !path.startsWith(`${ortDir}/`),
);
check(
  'onnxruntime-node ships only this platform and architecture',
  foreign.length === 0,
  foreign.slice(0, 5).join(', '),
);
const capLeftovers = [...asarFiles, ...unpackedFiles].filter((path) =>
  /^node_modules\/cap\/(src|deps|build\/Release\/obj\.target)\//.test(path),
);
check(
  "cap's sources and build leftovers are not packed",
  capLeftovers.length === 0,
  capLeftovers.slice(0, 5).join(', '),
);

const models = walk(join(root, 'models')).filter((path) => /\.(onnx|json)$/.test(path));
const packedModels = walk(join(resources, 'models'));
check(
  `resources/models holds every model and manifest (${models.length} in models/)`,
  models.every((path) => packedModels.includes(path)) && packedModels.every((path) => models.includes(path)),
  `packed: ${packedModels.join(', ') || 'none'}`,
);
check('resources/demo holds the demo capture', existsSync(join(resources, 'demo', 'demo.pcap')));
check(
  'resources/grant-capture.sh is executable',
  (statSync(join(resources, 'grant-capture.sh'), { throwIfNoEntry: false })?.mode ?? 0) & 0o111,
);

// Fuses: read back from the files, then from the running binaries (what the loader mapped).
const appBinary = join(appDir, 'wirewatch');
const interpreter = join(appDir, CAPTURE_INTERPRETER);
const appFuses = await readFuses(appBinary);
const interpreterFuses = existsSync(interpreter) ? await readFuses(interpreter) : {};
const wanted = {
  RunAsNode: 'off',
  EnableCookieEncryption: 'on',
  EnableNodeOptionsEnvironmentVariable: 'off',
  EnableNodeCliInspectArguments: 'off',
  EnableEmbeddedAsarIntegrityValidation: 'on',
  OnlyLoadAppFromAsar: 'on',
  LoadBrowserProcessSpecificV8Snapshot: 'off',
  GrantFileProtocolExtraPrivileges: 'off',
};
check(
  'the app binary has its fuses flipped',
  JSON.stringify(appFuses) === JSON.stringify(wanted),
  JSON.stringify(appFuses),
);
check(
  'the capture interpreter keeps RunAsNode and nothing else',
  JSON.stringify(interpreterFuses) === JSON.stringify({ ...wanted, RunAsNode: 'on' }),
  JSON.stringify(interpreterFuses),
);
const asNode = (binary) =>
  spawnSync(binary, ['-e', 'process.stdout.write("ran as node")'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', WIREWATCH_STANDIN_NODE: process.execPath },
    encoding: 'utf8',
  }).stdout;
const appAsNode = asNode(appBinary);
const interpreterAsNode = existsSync(interpreter) ? asNode(interpreter) : '';
check('ELECTRON_RUN_AS_NODE is ignored by the app binary', !appAsNode.includes('ran as node'), appAsNode.trim());
check('the capture interpreter runs scripts as Node', interpreterAsNode === 'ran as node', interpreterAsNode.trim());

// --- report ---------------------------------------------------------------------------------------
const sizes = {
  appAsar: statSync(asarPath).size,
  unpacked: sizeOf(unpackedDir),
  resources: sizeOf(resources),
  folder: sizeOf(appDir),
  onnxruntimeInstalled: sizeOf(join(root, 'node_modules', 'onnxruntime-node')),
};
const report = {
  electronVersion,
  arch,
  packSeconds,
  appDir,
  sizes,
  asarFiles: asarFiles.length,
  packages: [...shipped].sort(),
  unpacked: unpackedFiles.filter((path) => /\.(node|so(\.\d+)*)$/.test(path)),
  resources: walk(resources).filter((path) => !path.startsWith('app.asar')),
  fuses: { app: appFuses, captureInterpreter: interpreterFuses },
  checks,
};

if (options.report !== undefined) writeFileSync(options.report, JSON.stringify(report, null, 2));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
say(
  `\nPacked Wirewatch for linux-${arch} against a stand-in Electron ${electronVersion} in ${packSeconds.toFixed(1)} s`,
);
say(`  ${appDir}`);
say(
  `  app.asar ${mb(sizes.appAsar)} (${asarFiles.length} files), app.asar.unpacked ${mb(sizes.unpacked)}, resources ${mb(sizes.resources)}`,
);
say(`  onnxruntime-node: ${mb(sizes.onnxruntimeInstalled)} installed, the linux-${arch} part unpacked`);
say(`  packages: ${report.packages.map((path) => path.replace(/^node_modules\//, '')).join(', ')}`);
say(`  unpacked native code: ${report.unpacked.join(', ')}`);
say(`  resources: ${report.resources.join(', ')}`);
for (const item of checks)
  say(`  ${item.ok ? 'ok  ' : 'FAIL'} ${item.name}${item.ok || !item.detail ? '' : `: ${item.detail}`}`);
if (!options.keep) rmSync(join(outDir, 'out'), { recursive: true, force: true });
process.exitCode = checks.every((item) => item.ok) ? 0 : 1;
