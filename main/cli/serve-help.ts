/** `wirewatch serve --help`; kept apart so `--help` loads nothing else. */
import { defaultDataDir } from '../app/data-dir';

export const SERVE_HELP = `Usage: wirewatch serve [--port N] [--data DIR] [--open] [FILE...]

Serves the Wirewatch window to a browser on this machine (127.0.0.1 only) and prints the URL to
open. The URL carries a secret token made for this run; without it the page cannot reach the app.
Capture files named on the command line open in the Analyse page once the window connects, as
files double-clicked on the desktop do.

Options:
  --port N     port to listen on (default 7077; 0 picks a free one)
  --data DIR   folder for settings and contacts (default ${defaultDataDir()})
  --open       open the URL in the default browser
  -h, --help   show this help`;
