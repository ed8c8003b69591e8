/**
 * `wirewatch`: the headless entry to the same engine the desktop app uses. `serve` now;
 * `analyze`, `capture`, `train` and `evaluate` arrive with their issues.
 */
import { join } from 'node:path';
import { ANALYZE_HELP } from './cli/analyze-help';
import { CAPTURE_HELP } from './cli/capture-help';
import { EVALUATE_HELP } from './cli/evaluate-help';
import { SERVE_HELP } from './cli/serve-help';
import { THRESHOLDS_HELP } from './cli/thresholds-help';
import { TRAIN_HELP } from './cli/train-help';
import { EXIT, UsageError } from './cli/usage-error';
import { APP_VERSION } from './app/version';

const HELP = `Usage: wirewatch <command> [options]

Watches network traffic and tells people when something is wrong.

Commands:
  analyze    decode a capture file, build its flows, detect attacks and summarise it
  capture    capture live on an interface and detect attacks as they happen
  evaluate   score detection against the attack lab's truth files
  serve      serve the Wirewatch window to a browser on 127.0.0.1
  thresholds list the detection thresholds, their defaults, units and reasoning
  train      learn this network's normal traffic from your own captures (an anomaly model)

Run \`wirewatch <command> --help\` for a command's options.

Exit codes: 0 success, 1 the command failed, 2 the command line was wrong (each command's\nhelp lists any others).`;

interface Command {
  readonly help: string;
  /** Resolves with the exit code, or undefined for success. */
  run(argv: readonly string[]): Promise<number | undefined>;
}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const COMMANDS: Readonly<Record<string, Command>> = {
  analyze: {
    help: ANALYZE_HELP,
    // Commands load on demand: `analyze` should not pay for the web server's modules, nor `serve`
    // for the engine's.
    run: async (argv) => {
      const { analyzeCommand } = await import('./cli/analyze');
      const { inferenceWorkerPath, shippedModelsDir } = await import('./engine/models/model-paths');
      return analyzeCommand(argv, {
        out,
        err: process.stderr,
        models: { shippedDir: shippedModelsDir(__dirname), workerPath: inferenceWorkerPath(__dirname) },
      });
    },
  },
  capture: {
    help: CAPTURE_HELP,
    run: async (argv) => {
      const { captureCommand } = await import('./cli/capture');
      const { inferenceWorkerPath, shippedModelsDir } = await import('./engine/models/model-paths');
      return captureCommand(argv, {
        out,
        err: process.stderr,
        helper: join(__dirname, 'capture-helper.cjs'),
        models: { shippedDir: shippedModelsDir(__dirname), workerPath: inferenceWorkerPath(__dirname) },
      });
    },
  },
  evaluate: {
    help: EVALUATE_HELP,
    run: async (argv) => {
      const { evaluateCommand } = await import('./cli/evaluate');
      return evaluateCommand(argv, { out });
    },
  },
  thresholds: {
    help: THRESHOLDS_HELP,
    run: async (argv) => {
      const { thresholdsCommand } = await import('./cli/thresholds');
      return thresholdsCommand(argv, out);
    },
  },
  train: {
    help: TRAIN_HELP,
    run: async (argv) => {
      const { trainCommand } = await import('./cli/train');
      return trainCommand(argv, { out, err: process.stderr });
    },
  },
  serve: {
    help: SERVE_HELP,
    // The bundle lives in dist/main; the built renderer beside it in dist/renderer.
    run: async (argv) => {
      const { serveCommand } = await import('./cli/serve');
      await serveCommand(argv, {
        rendererDir: join(__dirname, '..', 'renderer'),
        analysisWorker: join(__dirname, 'analysis-worker.cjs'),
        // dist/main -> the source tree's resources/ (the CLI runs from a checkout or the package).
        demoCapture: join(__dirname, '..', '..', 'resources', 'demo', 'demo.pcap'),
        out,
      });
      return undefined;
    },
  },
};

/** Runs one command line; returns the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    out(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    out(APP_VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`wirewatch: unknown command "${name}" (see wirewatch --help)\n`);
    return EXIT.usage;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    out(command.help);
    return EXIT.ok;
  }
  try {
    return (await command.run(rest)) ?? EXIT.ok;
  } catch (error) {
    // parseArgs reports unknown options and missing values with codes starting ERR_PARSE_ARGS.
    const usage =
      error instanceof UsageError || String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`wirewatch ${name}: ${message}${usage ? ` (see wirewatch ${name} --help)` : ''}\n`);
    return usage ? EXIT.usage : EXIT.failure;
  }
}
