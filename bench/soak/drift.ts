/**
 * How memory moved over a soak: the least-squares slope of samples against time, so one GC spike
 * does not read as a leak the way first-versus-last would.
 */
export interface Sample {
  readonly seconds: number;
  readonly value: number;
}

/** Slope in value units per second; 0 for fewer than two distinct times. */
export function slope(samples: readonly Sample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanT = samples.reduce((sum, sample) => sum + sample.seconds, 0) / n;
  const meanV = samples.reduce((sum, sample) => sum + sample.value, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.seconds - meanT) * (sample.value - meanV);
    variance += (sample.seconds - meanT) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

/** The samples after the first `fraction` of the run (warm-up: caches and flow tables filling). */
export function afterWarmUp(samples: readonly Sample[], fraction = 0.5): Sample[] {
  const last = samples.at(-1)?.seconds ?? 0;
  return samples.filter((sample) => sample.seconds >= last * fraction);
}
