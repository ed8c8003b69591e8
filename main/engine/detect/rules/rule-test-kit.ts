/**
 * Test helper for rule specs: runs packets described in words through a detector and collects what
 * it reports.
 */
import { DECODE } from '../../decode/result';
import type { DecodeResult } from '../../decode/result';
import { Packet } from '../../decode/packet';
import type { TestPacket } from '../../flows/test-packets';
import { fillPacket } from '../../flows/test-packets';
import type { Detection } from '../detection';
import type { DetectionSink } from '../detection';
import type { Detector } from '../detector';

const FRAME = { index: 0, fileOffset: 0, flowId: 0 };

export interface RuleHarness<D extends Detector = Detector> {
  readonly detector: D;
  readonly detections: Detection[];
  /**
   * Feeds one packet (reusing one Packet, like the decoder), as part of flow `flowId` (0: none),
   * with ICMP type `icmpType` when given.
   */
  send(fields: TestPacket, flowId?: number, icmpType?: number): void;
  /** Feeds a Packet filled by the caller, with a decode result. */
  sendPacket(packet: Packet, result?: DecodeResult): void;
}

/** Builds the detector with `make` (a DetectorFactory, or a constructor call to keep its type). */
export function harness<D extends Detector>(make: (emit: DetectionSink) => D): RuleHarness<D> {
  const detections: Detection[] = [];
  const detector = make((detection) => detections.push(detection));
  const packet = new Packet();
  return {
    detector,
    detections,
    send(fields, flowId = 0, icmpType) {
      fillPacket(packet, fields);
      if (icmpType !== undefined) {
        packet.icmpType = icmpType;
        packet.icmpCode = 0;
      }
      detector.onPacket(packet, DECODE.OK, flowId === 0 ? FRAME : { ...FRAME, flowId });
    },
    sendPacket(filled, result = DECODE.OK) {
      detector.onPacket(filled, result, FRAME);
    },
  };
}
