import { describe, expect, it } from 'vitest';
import { evidenceFacts, explanationsOf } from './alert-explanation';

// A feature as main/engine/models/explain.ts writes it into an alert's evidence.
const explained = {
  feature: 'duration',
  value: 0.4,
  baselineMedian: 12.5,
  baselineP05: 0.9,
  baselineP95: 240,
  scoreDelta: 0.21,
  method: 'occlusion',
};

describe('model explanations', () => {
  it("should read a model alert's top features against the baseline", () => {
    expect(explanationsOf('model:lab-forest', { model: 'lab-forest', topFeatures: [explained] })).toEqual([
      {
        model: 'model:lab-forest',
        features: [
          { feature: 'duration', value: 0.4, median: 12.5, low: 0.9, high: 240, scoreDelta: 0.21, method: 'occlusion' },
        ],
      },
    ]);
  });

  it("should read the models that corroborated a rule's alert", () => {
    const evidence = { port: 22, models: { 'model:lab-forest': { kind: 'brute_force', topFeatures: [explained] } } };
    expect(explanationsOf('rule:brute_force', evidence).map((item) => item.model)).toEqual(['model:lab-forest']);
    expect(evidenceFacts(evidence)).toEqual([{ key: 'port', value: '22' }]);
  });

  it('should find none for a rule alone, and show its evidence as facts', () => {
    expect(explanationsOf('rule:port_scan', { tcpPorts: [22, 80], scanTypes: ['syn'] })).toEqual([]);
    expect(evidenceFacts({ tcpPorts: [22, 80], window: { seconds: 60 } })).toEqual([
      { key: 'tcpPorts', value: '22, 80' },
      { key: 'window', value: '{"seconds":60}' },
    ]);
  });
});
