import { describe, expect, it } from 'vitest';
import { THRESHOLD_KEYS } from './threshold-catalogue';
import { THRESHOLD_DOCS, thresholdDoc } from './threshold-docs';

describe('threshold docs', () => {
  it('should document every threshold of the rule catalogue', () => {
    const undocumented = THRESHOLD_KEYS.filter((key) => (thresholdDoc(key)?.reason ?? '') === '');
    expect(undocumented).toEqual([]);
  });

  it('should document nothing the catalogue does not have', () => {
    const patterns = Object.keys(THRESHOLD_DOCS).map(
      (key) => new RegExp(`^${key.replaceAll('.', '\\.').replaceAll('*', '[^.]+')}$`),
    );
    const unused = Object.keys(THRESHOLD_DOCS).filter(
      (_key, index) => !THRESHOLD_KEYS.some((known) => patterns[index]?.test(known) === true),
    );
    expect(unused).toEqual([]);
  });
});
