// The shipped models scoring a real capture through a real inference worker (onnxruntime-node), and
// what happens when that worker is killed mid-analysis.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { onnx } from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../preload/api/alerts';
import { RULES } from '../detect/rule-set';
import type { DetectorFactory } from '../detect/detector';
import { analyzeCapture } from '../pipeline';
import { useShippedModels } from '../../testing/inference-worker-bundle';
import type { InferenceClient } from './inference-client';
import { modelDetector, type ModelScoringOptions } from './model-detector';
import type { LoadedModel } from './model-load';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const DEMO = join(ROOT, 'resources', 'demo', 'demo.pcap');

const shipped = useShippedModels();

async function analyse(detectors: readonly DetectorFactory[]) {
  const alerts = new Map<string, Alert>();
  const summary = await analyzeCapture(DEMO, {
    detection: {
      origin: { type: 'file', path: DEMO },
      detectors,
      onAlerts: (changed) => changed.forEach((alert) => alerts.set(alert.id, alert)),
    },
  });
  return { summary, alerts: [...alerts.values()].sort((a, b) => a.first_seen - b.first_seen) };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const scoring = (extra: Partial<ModelScoringOptions> = {}): DetectorFactory =>
  modelDetector({ models: shipped.models(), workerPath: shipped.workerPath(), ...extra });

// Real training, real onnxruntime and a real worker thread: slower than a unit test on a busy 2-core machine.
describe('model detector', { timeout: 60_000 }, () => {
  it('should ship an anomaly model and a classifier that load', () => {
    expect(shipped.models().map((model) => [model.manifest.name, model.manifest.type])).toEqual([
      ['lab-anomaly', 'anomaly'],
      ['lab-classifier', 'classifier'],
    ]);
  });

  it('should corroborate the rules’ alerts on the demo capture instead of adding to them', async () => {
    const { summary, alerts } = await analyse([...RULES, scoring()]);
    expect(summary.warnings).toEqual([]);
    expect(alerts.map((alert) => `${alert.kind} ${alert.detector}`).sort()).toEqual([
      'brute_force rule:brute_force',
      'dns_tunnel rule:dns_tunnel',
      'port_scan rule:port_scan',
    ]);
    const scan = alerts.find((alert) => alert.kind === 'port_scan');
    const verdict = (scan?.evidence.models as Record<string, { kind: string; topFeatures: unknown[] }>)[
      'model:lab-classifier'
    ];
    expect(verdict?.kind).toBe('port_scan');
    expect(verdict?.topFeatures.length).toBeGreaterThan(0);
  });

  it('should raise model alerts that name the attack and explain themselves when no rule runs', async () => {
    const { alerts } = await analyse([scoring()]);
    const scan = alerts.find((alert) => alert.kind === 'port_scan');
    expect(scan?.detector).toBe('model:lab-classifier');
    expect(scan?.src).toBe('10.77.0.66');
    expect(scan?.summary).toMatch(
      /^Model lab-classifier names \d+ flows from 10\.77\.0\.66 to 10\.77\.0\.10 port_scan/,
    );
    for (const alert of alerts) {
      const features = alert.evidence.topFeatures as { feature: string; value: number; baselineMedian: number }[];
      expect(features.length, `${alert.kind} explains itself`).toBeGreaterThan(0);
      for (const feature of features) expect(typeof feature.baselineMedian).toBe('number');
    }
  });

  it('should leave out a model onnxruntime will not run, say why, and score with the others', async () => {
    const [anomaly, classifier] = shipped.models();
    if (anomaly === undefined || classifier === undefined) throw new Error('the shipped models are missing');
    // The same forest declared under ai.onnx.ml opset 5, where TreeEnsembleRegressor no longer exists.
    const proto = onnx.ModelProto.decode(anomaly.bytes);
    for (const opset of proto.opsetImport) if (opset.domain === 'ai.onnx.ml') opset.version = 5;
    const bytes = onnx.ModelProto.encode(proto).finish();
    const broken: LoadedModel = {
      ...anomaly,
      bytes,
      manifest: { ...anomaly.manifest, name: 'broken', onnx: { ...anomaly.manifest.onnx, sha256: sha256(bytes) } },
    };
    const { summary, alerts } = await analyse([
      modelDetector({ models: [broken, classifier], workerPath: shipped.workerPath() }),
    ]);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings?.[0]).toMatch(/^model broken was refused by onnxruntime and did not score: /);
    expect(alerts.map((alert) => alert.detector)).toContain('model:lab-classifier');
  });

  it('should report a killed inference worker and finish the analysis with the rules', async () => {
    let killed = false;
    const kill = (client: InferenceClient): void => {
      // Kill the thread as soon as it has scored its first batch, with the others still queued.
      // Ahead of the client's own listener, so the kill lands before the next batch is sent: a
      // worker stopped in the middle of an onnxruntime run takes the process with it (see
      // inference-client.ts), which is not the crash under test.
      client.worker.prependListener('message', (message: { type: string }) => {
        if (message.type !== 'scored' || killed) return;
        killed = true;
        void client.worker.terminate();
      });
    };
    const { summary, alerts } = await analyse([...RULES, scoring({ batchSize: 32, onClient: kill })]);
    expect(killed).toBe(true);
    expect(summary.warnings).toEqual([
      'model scoring stopped: the inference worker stopped unexpectedly (exit code 1); the analysis continued with the rules only',
    ]);
    expect(alerts.map((alert) => alert.kind).sort()).toEqual(['brute_force', 'dns_tunnel', 'port_scan']);
    expect(summary.packets).toBe(4513);
  });
});
