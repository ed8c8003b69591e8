/** `wirewatch train --help`; kept apart so `--help` loads nothing else. */
export const TRAIN_HELP = `Usage: wirewatch train --baseline FILE... [--out DIR] [--name NAME] [--data DIR] [--seed N]

Learns what normal traffic looks like on this network from your own captures, and saves an
anomaly model (an isolation forest over 27 flow features, as ONNX, with its manifest) that
\`wirewatch analyze\`, the app and live capture then use beside the shipped models. Give captures
of ordinary traffic only: whatever is in them becomes "normal".

The alert threshold is chosen from the baseline itself: a flow counts as unusual above the 90th
percentile of the baseline's scores, and a source or target alerts once it has three times as
many unusual flows within a minute as the busiest one in the baseline (at least 5), so the
baseline's own traffic never comes near alerting. The manifest
records this, the baseline's medians and ranges (used to explain alerts), and the sha256 of
every capture it learnt from. Same captures and seed, same model, byte for byte.

Options:
  --baseline FILE...  captures of normal traffic (pcap, pcapng, gzip): --baseline a.pcap b.pcap,
                    or the option repeated
  --out DIR         where to save the model (default: the models folder of the data folder)
  --name NAME       the model's name (default: baseline); a-z, 0-9, _ and -
  --data DIR        the data folder (default: the app's, as \`serve\`)
  --seed N          random seed (default 1)
  -h, --help        show this help`;
