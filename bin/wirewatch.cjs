#!/usr/bin/env node
// The `wirewatch` command: runs the CLI bundle that `npm run build` writes to dist/main.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('wirewatch: not built yet; run `npm run build` first\n');
  process.exit(1);
}
// A reader that stops early (`wirewatch analyze x.pcap --json | head`) closes the pipe: that is the
// reader's choice, not a failure, so end quietly as other Unix tools do instead of printing EPIPE.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

require(bundle)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
