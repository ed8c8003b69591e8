/**
 * Scores alerts against the truth of the captures they came from.
 *
 * An alert MATCHES an attack episode when its time span overlaps the episode's (widened by
 * MATCH_SLACK_SECONDS, since a detector reports after it has seen enough packets and a tool's
 * last packets trail its exit) and it involves one of the episode's parties: its source is an
 * attacker (or unknown: spoofed floods), or its target is the victim or an attacker.
 * - An episode is DETECTED when any alert matches it, and NAMED RIGHT when one of its kind does.
 * - An alert is a true positive when it matches an episode of its own kind, MISNAMED when it only
 *   matches episodes of other kinds, and a FALSE ALERT when it matches none.
 * Per kind: precision = true-positive alerts / alerts of that kind; recall = episodes named right
 * / episodes of that kind; F1 their harmonic mean.
 * Detection latency of an episode named right: from the episode's start to the earliest moment, in
 * capture time, a right-kind alert for it was RAISED — its last_seen when it was first handed out
 * (`raisedAt`), since first_seen is where its evidence window begins and that may hold packets from
 * before the attack (a flood's window, a DNS domain's minute). Without `raisedAt`, first_seen is
 * used. Per kind: median and maximum.
 */
import type { Alert } from '../../../preload/api/alerts';
import type { AttackEpisode, Truth } from './truth';

export const MATCH_SLACK_SECONDS = 30;

export interface CaptureOutcome {
  readonly truth: Truth;
  readonly alerts: readonly Alert[];
  /** Alert id → capture time the alert was first handed out (its last_seen then). */
  readonly raisedAt?: Readonly<Record<string, number>>;
}

export interface KindScore {
  readonly kind: string;
  readonly episodes: number;
  readonly namedRight: number;
  readonly alerts: number;
  readonly truePositives: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  /** Seconds from episode start to the first right-kind alert's first_seen, over the episodes named right. */
  readonly latency: Latency | null;
}

export interface Latency {
  readonly median: number;
  readonly max: number;
}

export interface Evaluation {
  readonly captures: number;
  readonly episodes: number;
  /** Episodes any alert matched, and those an alert of the right kind matched. */
  readonly detected: number;
  readonly namedRight: number;
  readonly recall: number | null;
  /** Of the detected episodes, the share named right. */
  readonly rightKind: number | null;
  readonly alerts: number;
  readonly falseAlerts: number;
  /** False alerts on benign-only captures, and the hours those captures cover. */
  readonly benignFalseAlerts: number;
  readonly benignHours: number;
  readonly falseAlertsPerBenignHour: number | null;
  readonly kinds: readonly KindScore[];
  /** truth kind ('benign' for false alerts) -> alert kind -> alerts. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function matches(alert: Alert, episode: AttackEpisode): boolean {
  const overlaps =
    alert.first_seen <= episode.end + MATCH_SLACK_SECONDS && alert.last_seen >= episode.start - MATCH_SLACK_SECONDS;
  if (!overlaps) return false;
  const fromAttacker = alert.src === null || episode.attackers.includes(alert.src);
  const atParty =
    (episode.victim !== null && alert.dst === episode.victim) ||
    (alert.dst !== null && episode.attackers.includes(alert.dst));
  return fromAttacker || atParty;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function latencyOf(seconds: readonly number[]): Latency | null {
  if (seconds.length === 0) return null;
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, max: sorted[sorted.length - 1] ?? 0 };
}

export function evaluate(outcomes: readonly CaptureOutcome[]): Evaluation {
  const perKind = new Map<
    string,
    { episodes: number; namedRight: number; alerts: number; truePositives: number; latencies: number[] }
  >();
  const kindEntry = (kind: string) => {
    let entry = perKind.get(kind);
    if (entry === undefined) {
      entry = { episodes: 0, namedRight: 0, alerts: 0, truePositives: 0, latencies: [] };
      perKind.set(kind, entry);
    }
    return entry;
  };
  const confusion: Record<string, Record<string, number>> = {};
  const count = (truthKind: string, alertKind: string): void => {
    const row = (confusion[truthKind] ??= {});
    row[alertKind] = (row[alertKind] ?? 0) + 1;
  };

  let episodes = 0;
  let detected = 0;
  let namedRight = 0;
  let alerts = 0;
  let falseAlerts = 0;
  let benignFalseAlerts = 0;
  let benignSeconds = 0;

  for (const { truth, alerts: found, raisedAt = {} } of outcomes) {
    if (truth.benign) benignSeconds += Math.max(0, truth.capture.end - truth.capture.start);
    for (const episode of truth.attacks) {
      episodes += 1;
      const entry = kindEntry(episode.kind);
      entry.episodes += 1;
      const matched = found.filter((alert) => matches(alert, episode));
      if (matched.length > 0) detected += 1;
      const right = matched.filter((alert) => alert.kind === episode.kind);
      if (right.length > 0) {
        namedRight += 1;
        entry.namedRight += 1;
        const raised = right.map((alert) => raisedAt[alert.id] ?? alert.first_seen);
        entry.latencies.push(Math.min(...raised) - episode.start);
      }
    }
    for (const alert of found) {
      alerts += 1;
      const entry = kindEntry(alert.kind);
      entry.alerts += 1;
      const matchedEpisodes = truth.attacks.filter((episode) => matches(alert, episode));
      if (matchedEpisodes.length === 0) {
        falseAlerts += 1;
        if (truth.benign) benignFalseAlerts += 1;
        count('benign', alert.kind);
        continue;
      }
      const own = matchedEpisodes.find((episode) => episode.kind === alert.kind);
      if (own !== undefined) entry.truePositives += 1;
      count((own ?? matchedEpisodes[0] ?? { kind: 'benign' }).kind, alert.kind);
    }
  }

  const kinds: KindScore[] = [...perKind]
    .map(([kind, { latencies, ...entry }]) => {
      const precision = ratio(entry.truePositives, entry.alerts);
      const recall = ratio(entry.namedRight, entry.episodes);
      const f1 =
        precision === null || recall === null || precision + recall === 0
          ? null
          : (2 * precision * recall) / (precision + recall);
      return { kind, ...entry, precision, recall, f1, latency: latencyOf(latencies) };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind));
  const benignHours = benignSeconds / 3600;
  return {
    captures: outcomes.length,
    episodes,
    detected,
    namedRight,
    recall: ratio(detected, episodes),
    rightKind: ratio(namedRight, detected),
    alerts,
    falseAlerts,
    benignFalseAlerts,
    benignHours,
    falseAlertsPerBenignHour: benignHours === 0 ? null : benignFalseAlerts / benignHours,
    kinds,
    confusion,
  };
}
