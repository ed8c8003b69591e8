/**
 * What the store keeps beside each alert so IndexedDB can answer searches through indexes alone:
 * a severity rank (sorting), address keys (a CIDR block is a key range), the origin as one string,
 * the ports the evidence names, and the words free-text search looks up by prefix.
 */
import { addressKey, alertPorts, SEVERITIES, type Alert, type AlertOrigin } from '../../preload/api';

/** Fields derived from the alert itself; recomputed whenever a newer version of it arrives. */
export interface AlertIndexFields {
  severity_rank: number;
  /** 32 hex digits (see ip-range.ts), or '' for none (many sources). */
  src_key: string;
  dst_key: string;
  /** `file:<path>` or `live:<interface>`. */
  origin: string;
  ports: number[];
  words: string[];
}

/** Words kept per alert: enough for the summary, parties, kind and evidence names. */
const MAX_WORDS = 80;
/** Shorter words match too much to be worth an index entry. */
const MIN_WORD = 2;

export function originKey(origin: AlertOrigin): string {
  return origin.type === 'file' ? `file:${origin.path}` : `live:${origin.interface}`;
}

/** The name a person knows an origin by: the file's name, or the interface. */
export function originLabel(origin: AlertOrigin): string {
  return origin.type === 'file' ? (origin.path.split(/[\\/]/).pop() ?? origin.path) : origin.interface;
}

/** Splits text into lowercase search words: addresses and dotted names stay whole. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,;()[\]{}"'=<>|!?]+/)
    .map((word) => word.replace(/^[.:/-]+|[.:/-]+$/g, ''))
    .filter((word) => word.length >= MIN_WORD);
}

/** String values in the evidence (a domain, a service, sample names), one level deep. */
function evidenceText(evidence: Alert['evidence']): string[] {
  const texts: string[] = [];
  for (const value of Object.values(evidence)) {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value))
      for (const item of value as unknown[]) if (typeof item === 'string') texts.push(item);
  }
  return texts;
}

export function alertIndexFields(alert: Alert): AlertIndexFields {
  const origin = originKey(alert.source);
  const words = new Set<string>();
  const sources = [
    alert.kind,
    alert.detector,
    alert.severity,
    alert.src ?? '',
    alert.dst ?? '',
    originLabel(alert.source),
    alert.summary,
    ...evidenceText(alert.evidence),
  ];
  for (const source of sources) {
    for (const word of searchWords(source)) {
      if (words.size >= MAX_WORDS) break;
      words.add(word);
    }
  }
  return {
    severity_rank: SEVERITIES.indexOf(alert.severity),
    src_key: alert.src === null ? '' : (addressKey(alert.src) ?? ''),
    dst_key: alert.dst === null ? '' : (addressKey(alert.dst) ?? ''),
    origin,
    ports: alertPorts(alert),
    words: [...words],
  };
}
