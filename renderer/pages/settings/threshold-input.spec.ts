import { describe, expect, it } from 'vitest';
import { thresholdProblem } from './threshold-input';

describe('thresholdProblem', () => {
  it('should accept numbers of at least 0 and refuse the rest', () => {
    expect(thresholdProblem('number', ' 30 ')).toBeNull();
    expect(thresholdProblem('number', '0.5')).toBeNull();
    expect(thresholdProblem('number', '')).toBe('Enter a number.');
    expect(thresholdProblem('number', 'many')).toBe('Enter a number.');
    expect(thresholdProblem('number', '-1')).toBe('Enter a number of at least 0.');
  });

  it('should accept comma-separated whole numbers for lists', () => {
    expect(thresholdProblem('list', '80, 443,8080')).toBeNull();
    expect(thresholdProblem('list', '80,')).toContain('whole numbers');
    expect(thresholdProblem('list', '80,4.5')).toContain('whole numbers');
  });

  it('should take true/false for switches and any name for text', () => {
    expect(thresholdProblem('boolean', 'false')).toBeNull();
    expect(thresholdProblem('boolean', 'yes')).toBe('Choose true or false.');
    expect(thresholdProblem('text', 'ssh')).toBeNull();
    expect(thresholdProblem('text', ' ')).toBe('Enter a name.');
  });
});
