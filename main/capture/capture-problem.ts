/** A helper's error turned into what the user sees: what happened and how to fix it. */
import type { CaptureProblem } from '../../preload/api/capture';
import type { HelperControl } from './helper-protocol';
import { permissionAdvice } from './permission-message';

export class CaptureStartError extends Error {
  constructor(readonly problem: CaptureProblem) {
    super(problem.fix === null ? problem.message : `${problem.message} ${problem.fix}`);
    this.name = 'CaptureStartError';
  }
}

export function problemFromHelper(
  interfaceName: string,
  error: Extract<HelperControl, { type: 'error' }>,
): CaptureProblem {
  switch (error.code) {
    case 'permission': {
      const advice = permissionAdvice(interfaceName, error.message, error.execPath);
      return { code: error.code, message: advice.message, fix: advice.fix };
    }
    case 'no-device':
      return {
        code: error.code,
        message: `There is no interface called ${interfaceName} (${error.message}).`,
        fix: 'Pick one from the interface list.',
      };
    case 'bad-filter':
      return {
        code: error.code,
        message: `libpcap cannot compile the capture filter: ${error.message}`,
        fix: 'Fix the filter (syntax: pcap-filter(7), as in tcpdump) or leave it empty to capture everything.',
      };
    default:
      return { code: error.code, message: `Capture on ${interfaceName} failed: ${error.message}`, fix: null };
  }
}
