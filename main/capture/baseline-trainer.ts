/**
 * The baseline trainer behind "learn this network": runs `wirewatch train --baseline FILE --data DIR`
 * (the models side's command, from the built CLI bundle) in a worker thread, so training never holds
 * up the app's main thread and needs no runtime of its own (the packaged app's binary may not run as
 * Node, and the capture interpreter carries capture privileges the trainer has no use for).
 */
import { Worker } from 'node:worker_threads';
import type { BaselineTrainer } from './capture-service';

/** `cliBundle` is dist/main/cli.cjs; the model is saved in `dataDir`'s models folder. */
export function cliBaselineTrainer(cliBundle: string, dataDir: string): BaselineTrainer {
  return (file) =>
    new Promise((resolve, reject) => {
      const script = `require(${JSON.stringify(cliBundle)}).runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; })`;
      const worker = new Worker(script, {
        eval: true,
        argv: ['train', '--baseline', file, '--data', dataDir],
        stdout: true,
        stderr: true,
      });
      let out = '';
      let err = '';
      worker.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      worker.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code === 0) resolve({ message: out.trim().split('\n').slice(0, 2).join(' ') });
        else reject(new Error(err.trim() || `wirewatch train exited with code ${code}`));
      });
    });
}
