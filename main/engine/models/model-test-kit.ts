/**
 * Test support: small seeded flow data sets with the shipped models' 27 features, and trained models
 * written to a folder, so specs exercise training, export, manifests and loading without a capture.
 */
import { seededRandom } from '../../../common/seeded-random';
import type { FlowDataset } from './flow-dataset';
import type { FlowLabel } from './flow-labels';
import { MODEL_FEATURES, scaleValue } from './model-features';

/**
 * `count` flows from a few hosts: ordinary web-like flows, and (when `attacks`) a scanner
 * (10.0.0.66) sending one-packet probes to many ports of 10.0.0.10, labelled port_scan.
 */
export function syntheticDataset(count: number, seed: number, attacks = false): FlowDataset {
  const random = seededRandom(seed);
  const width = MODEL_FEATURES.length;
  const rows = new Float32Array(count * width);
  const labels: FlowLabel[] = [];
  const parties: { src: string; dst: string; time: number }[] = [];
  for (let i = 0; i < count; i++) {
    const probe = attacks && i % 3 === 0;
    const packets = probe ? 1 : 4 + Math.floor(random() * 30);
    const bytes = probe ? 44 : packets * (60 + random() * 900);
    const values: Record<string, number> = {
      protocol: 6,
      dst_port: probe ? 1 + Math.floor(random() * 1024) : random() < 0.5 ? 80 : 443,
      duration: probe ? 0 : random() * 5,
      fwd_packets: probe ? 1 : Math.ceil(packets / 2),
      bwd_packets: probe ? 0 : Math.floor(packets / 2),
      fwd_bytes: probe ? 44 : bytes * 0.3,
      bwd_bytes: probe ? 0 : bytes * 0.7,
      syn_count: probe ? 1 : 2,
      fin_count: probe ? 0 : 2,
      ack_count: probe ? 0 : packets - 1,
      fwd_init_window: probe ? 1024 : 64240,
      bwd_init_window: probe ? -1 : 65160,
      len_mean: bytes / packets,
    };
    MODEL_FEATURES.forEach(
      (feature, f) => (rows[i * width + f] = scaleValue(values[feature.name] ?? random(), feature.scaling)),
    );
    labels.push(probe ? 'port_scan' : 'benign');
    parties.push({ src: probe ? '10.0.0.66' : `10.0.0.${20 + (i % 5)}`, dst: '10.0.0.10', time: 1000 + i * 0.01 });
  }
  return {
    features: MODEL_FEATURES,
    rows,
    count,
    labels,
    fileOfRow: new Uint16Array(count),
    parties,
    files: [{ name: 'synthetic.pcap', sha256: '0'.repeat(64), flows: count, truthSha256: null }],
  };
}
