/**
 * "Save packets" for an alert: picks the alert's evidence source (its capture file, or the packet
 * ring a live capture registered), writes the matching packets as a pcap, remembers what it wrote
 * so the window may download it or open it in Wireshark, and nothing else.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Alert, EvidenceSaved } from '../../preload/api/alerts';
import { ContractError } from '../../preload/api/errors';
import { CaptureReadError } from '../engine/sources/capture-read-error';
import { CaptureFileEvidence, type EvidenceSource } from './evidence-source';
import { EVIDENCE_LIMITS, writeEvidence, type EvidenceLimits } from './evidence-writer';
import { describeSelection, displayFilter, selectionForAlert } from './packet-selection';
import { findWireshark, openInWireshark } from './wireshark';

/** A download travels base64 over the contract; past this the person opens the file instead. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

export class EvidenceService {
  readonly #live = new Map<string, EvidenceSource>();
  readonly #written = new Set<string>();

  constructor(
    /** Where evidence goes when the window names no folder. */
    readonly defaultFolder: string,
    private readonly limits: EvidenceLimits = EVIDENCE_LIMITS,
  ) {}

  /** A live capture offers its packet ring for alerts from `interfaceName`; returns the unregister function. */
  registerLiveSource(interfaceName: string, source: EvidenceSource): () => void {
    this.#live.set(interfaceName, source);
    return () => {
      if (this.#live.get(interfaceName) === source) this.#live.delete(interfaceName);
    };
  }

  async save(alert: Alert, folder: string | null): Promise<EvidenceSaved> {
    const source = this.#sourceFor(alert);
    const target = folder === null ? this.defaultFolder : folder;
    if (!isAbsolute(target)) throw new ContractError('bad-folder', `${target} is not an absolute folder path`);
    await mkdir(target, { recursive: true });
    const selection = selectionForAlert(alert);
    const stem = join(target, `wirewatch-${alert.kind}-${alert.id.replace(/[^A-Za-z0-9-]/g, '_')}`);
    let written;
    try {
      written = await writeEvidence(source, selection, stem, this.limits);
    } catch (error) {
      if (error instanceof CaptureReadError) {
        throw new ContractError('capture-unreadable', `${source.description} cannot be read again: ${error.message}`);
      }
      throw error;
    }
    this.#written.add(resolve(written.path));
    return {
      path: written.path,
      packets: written.packets,
      bytes: written.bytes,
      scanned: written.scanned,
      truncated: written.truncated,
      selection: describeSelection(selection),
      displayFilter: displayFilter(selection),
    };
  }

  /** The bytes of a pcap this run wrote (no other file: the window cannot read the disk through this). */
  async read(path: string): Promise<{ name: string; base64: string }> {
    const known = this.#known(path);
    const { size } = await stat(known);
    if (size > MAX_READ_BYTES) {
      throw new ContractError('too-large', `${known} is ${size} bytes; open it from its folder instead`);
    }
    return { name: basename(known), base64: (await readFile(known)).toString('base64') };
  }

  async wireshark(): Promise<string | null> {
    return findWireshark();
  }

  async openInWireshark(path: string): Promise<void> {
    const known = this.#known(path);
    const wireshark = await findWireshark();
    if (wireshark === null) throw new ContractError('no-wireshark', 'Wireshark is not installed (not on PATH)');
    await openInWireshark(wireshark, known);
  }

  #known(path: string): string {
    const full = resolve(path);
    if (!this.#written.has(full))
      throw new ContractError('not-evidence', `${path} is not an evidence file this run wrote`);
    return full;
  }

  #sourceFor(alert: Alert): EvidenceSource {
    if (alert.source.type === 'file') return new CaptureFileEvidence(alert.source.path);
    const live = this.#live.get(alert.source.interface);
    if (live === undefined) {
      throw new ContractError(
        'no-evidence-source',
        `no packets are kept for ${alert.source.interface}: evidence for live alerts needs the capture's packet ring`,
      );
    }
    return live;
  }
}
