/** Entry of `npm run train` (scripts/train.mjs bundles and runs it): argv is [corpus] [--heldout DIR] [--out DIR]. */
import { parseArgs } from 'node:util';
import { trainLabModels } from './train-lab';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { heldout: { type: 'string' }, out: { type: 'string', default: 'models' } },
    allowPositionals: true,
  });
  const corpus = positionals[0] ?? process.env.WIREWATCH_LAB_CORPUS ?? 'e2e/lab/out';
  const heldout = values.heldout ?? process.env.WIREWATCH_LAB_HELDOUT;
  const { files } = await trainLabModels({
    corpus,
    out: values.out,
    ...(heldout === undefined ? {} : { heldout }),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  for (const file of files) process.stdout.write(`wrote ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`train: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
