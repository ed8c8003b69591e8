/** Runs file analysis over capture files a live capture wrote, for specs comparing the two. */
import type { Alert } from '../../../preload/api/alerts';
import { analyzeCapture } from '../../engine/pipeline';

export async function analyzeCaptureForTest(files: readonly string[]): Promise<{ packets: number; alerts: Alert[] }> {
  let packets = 0;
  const alerts = new Map<string, Alert>();
  for (const path of files) {
    const summary = await analyzeCapture(path, {
      detection: {
        origin: { type: 'file', path },
        onAlerts: (changed) => {
          for (const alert of changed) alerts.set(alert.id, alert);
        },
      },
    });
    packets += summary.packets;
  }
  return { packets, alerts: [...alerts.values()] };
}
