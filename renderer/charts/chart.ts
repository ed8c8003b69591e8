/**
 * Draws a Chart.js chart on a canvas as a Svelte attachment: `<canvas {@attach chart(() => config)}>`.
 * The attachment re-runs, redrawing, whenever state read by `config` changes. Only the pieces the
 * app uses are registered, so the bundle carries no unused chart types.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Colors,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Colors,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export function chart(config: () => ChartConfiguration): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const next = config();
    // No animation: it slows large captures and tests, and tells a person nothing.
    const instance = new Chart(canvas, {
      ...next,
      options: { animation: false, maintainAspectRatio: false, ...next.options },
    });
    return () => {
      instance.destroy();
    };
  };
}
