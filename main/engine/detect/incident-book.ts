/**
 * Folds detections into incidents: every detection of the same (kind, source, target) within
 * QUIET_SECONDS of the previous one grows one alert (count, last_seen, the highest severity and
 * score, the latest numbers) instead of adding another. After a quiet spell the next detection opens
 * a new incident. Times are capture times, so a file gives the same alerts however fast it is read.
 *
 * Alert ids are stable: a hash of where the traffic came from and the incident's key and start, so
 * analysing the same file again updates the stored alerts rather than duplicating them.
 */
import { createHash } from 'node:crypto';
import { SEVERITIES, type Alert, type AlertOrigin, type Severity } from '../../../preload/api/alerts';
import type { Detection } from './detection';

/**
 * Ten minutes of capture time without a detection ends an incident: long enough that a slow scan
 * (nmap -T1 waits 15 s between probes) or a flood with pauses stays one incident, short enough that
 * the same attacker coming back an hour later is a new one.
 */
export const QUIET_SECONDS = 600;

interface Incident {
  alert: Alert;
  detections: number;
}

export class IncidentBook {
  readonly #open = new Map<string, Incident>();
  /** Incidents a later one with the same key replaced: finished, kept for all(). */
  readonly #closed: Alert[] = [];
  readonly #changed = new Set<Incident>();
  readonly #origin: AlertOrigin;
  readonly #originKey: string;
  #total = 0;

  constructor(origin: AlertOrigin) {
    this.#origin = origin;
    this.#originKey = origin.type === 'file' ? `file:${origin.path}` : `live:${origin.interface}`;
  }

  /** Takes one detection: grows its open incident, or opens a new one. */
  add(detection: Detection): void {
    const corroborated = detection.detector.startsWith('model:') ? this.#ruleIncidentFor(detection) : undefined;
    if (corroborated !== undefined) {
      // `detections` keeps counting the rule's own; the model's verdict is kept beside them.
      corroborated.alert = corroborate(corroborated.alert, detection);
      this.#changed.add(corroborated);
      return;
    }
    const key = `${detection.kind}|${detection.src ?? '*'}|${detection.dst ?? '*'}`;
    const open = this.#open.get(key);
    if (open !== undefined && detection.firstSeen - open.alert.last_seen <= QUIET_SECONDS) {
      open.detections += 1;
      open.alert = grow(open.alert, detection, open.detections);
      this.#changed.add(open);
      return;
    }
    const incident: Incident = { alert: this.#start(key, detection), detections: 1 };
    this.#open.set(key, incident);
    this.#changed.add(incident);
    this.#total += 1;
  }

  /** Alerts opened or grown since the last call, in the order they first changed. */
  takeChanged(): Alert[] {
    const changed = [...this.#changed].map((incident) => incident.alert);
    this.#changed.clear();
    return changed;
  }

  /** Every alert so far (one per incident), by when it started. */
  all(): Alert[] {
    const open = [...this.#open.values()].map((incident) => incident.alert);
    return [...this.#closed, ...open].sort((a, b) => a.first_seen - b.first_seen);
  }

  /** Incidents opened so far. */
  get count(): number {
    return this.#total;
  }

  /**
   * The open rule incident a model's detection is about, if any: the same traffic (overlapping in
   * time, its parties matching, null matching anyone) named by a rule. A named attack joins only an
   * incident of its own kind (a port scan and a brute force from one attacker are two attacks); an
   * unnamed anomaly joins one of any kind that shares a named party, preferring the same kind.
   * A model then corroborates the rule's alert instead of raising a second one for one attack.
   */
  #ruleIncidentFor(detection: Detection): Incident | undefined {
    let other: Incident | undefined;
    for (const incident of this.#open.values()) {
      const { alert } = incident;
      if (!alert.detector.startsWith('rule:')) continue;
      const overlaps =
        detection.firstSeen - alert.last_seen <= QUIET_SECONDS &&
        alert.first_seen - detection.lastSeen <= QUIET_SECONDS;
      if (!overlaps || !fits(alert.src, detection.src) || !fits(alert.dst, detection.dst)) continue;
      if (alert.kind === detection.kind) return incident;
      if (detection.kind !== 'anomaly') continue;
      const shared =
        (alert.src !== null && alert.src === detection.src) || (alert.dst !== null && alert.dst === detection.dst);
      if (shared) other ??= incident;
    }
    return other;
  }

  #start(key: string, detection: Detection): Alert {
    const previous = this.#open.get(key);
    if (previous !== undefined) this.#closed.push(previous.alert);
    const id = createHash('sha256')
      .update(`${this.#originKey}\n${key}\n${detection.firstSeen.toFixed(6)}`)
      .digest('hex')
      .slice(0, 24);
    return {
      id,
      kind: detection.kind,
      severity: detection.severity,
      src: detection.src,
      dst: detection.dst,
      first_seen: detection.firstSeen,
      last_seen: detection.lastSeen,
      score: clampScore(detection.score),
      detector: detection.detector,
      summary: detection.summary,
      evidence: { ...detection.evidence, detections: 1 },
      source: this.#origin,
    };
  }
}

function grow(alert: Alert, detection: Detection, detections: number): Alert {
  return {
    ...alert,
    severity: higher(alert.severity, detection.severity),
    first_seen: Math.min(alert.first_seen, detection.firstSeen),
    last_seen: Math.max(alert.last_seen, detection.lastSeen),
    score: Math.max(alert.score, clampScore(detection.score)),
    // The latest numbers tell the incident's current size; the count says how often it was seen.
    summary: detection.summary,
    // A model's corroboration (see corroborate) stays with the incident as the rule's numbers change.
    evidence: {
      ...detection.evidence,
      ...(alert.evidence.models === undefined ? {} : { models: alert.evidence.models }),
      detections,
    },
  };
}

/** A party of an incident admits a detection's: the same address, or null (many) on either side. */
function fits(incident: string | null, detection: string | null): boolean {
  return incident === null || detection === null || incident === detection;
}

/**
 * A model's detection joins a rule's alert: the rule's kind, parties, times, severity, score and
 * summary stay (its definition is the crisp one, and a model's group of flows spans more than the
 * attack); the model's verdict and explanation go into `evidence.models`, keyed by detector.
 */
function corroborate(alert: Alert, detection: Detection): Alert {
  const models = (alert.evidence.models ?? {}) as Readonly<Record<string, unknown>>;
  return {
    ...alert,
    evidence: {
      ...alert.evidence,
      models: {
        ...models,
        [detection.detector]: {
          kind: detection.kind,
          score: clampScore(detection.score),
          summary: detection.summary,
          ...detection.evidence,
        },
      },
    },
  };
}

function higher(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(b) > SEVERITIES.indexOf(a) ? b : a;
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}
