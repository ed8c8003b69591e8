/**
 * A first check of a threshold typed in Settings, so an obvious slip is shown at once; main checks every value
 * again with the same parser as `--threshold` and has the last word.
 */
import type { ThresholdValueType } from '../../../preload/api';

/** Why `text` is not a value of this type, or null when it looks right. */
export function thresholdProblem(type: ThresholdValueType, text: string): string | null {
  const value = text.trim();
  switch (type) {
    case 'number': {
      const number = Number(value);
      if (value === '' || !Number.isFinite(number)) return 'Enter a number.';
      return number < 0 ? 'Enter a number of at least 0.' : null;
    }
    case 'list': {
      const parts = value.split(',').map((part) => part.trim());
      const whole = parts.every((part) => /^\d+$/.test(part));
      return value !== '' && whole ? null : 'Enter whole numbers separated by commas, e.g. 80,443.';
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? null : 'Choose true or false.';
    case 'text':
      return value === '' ? 'Enter a name.' : null;
  }
}
