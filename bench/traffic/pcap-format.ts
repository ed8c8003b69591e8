/** Classic pcap (draft-ietf-opsawg-pcap §4 File Header, §5 Packet Record), little-endian. */
import { LINKTYPE_ETHERNET, SNAPLEN, type CaptureFormat } from './capture-format';

const FILE_HEADER = 24;
const RECORD_HEADER = 16;

export class PcapFormat implements CaptureFormat {
  constructor(readonly nanosecond: boolean) {}

  header(): Uint8Array {
    const out = new Uint8Array(FILE_HEADER);
    const view = new DataView(out.buffer);
    view.setUint32(0, this.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4, true);
    view.setUint16(4, 2, true); // version 2.4
    view.setUint16(6, 4, true);
    view.setUint32(16, SNAPLEN, true);
    view.setUint32(20, LINKTYPE_ETHERNET, true);
    return out;
  }

  recordLength(length: number): number {
    return RECORD_HEADER + length;
  }

  writeRecord(view: DataView, at: number, seconds: number, nanos: number, length: number): number {
    view.setUint32(at, seconds, true);
    view.setUint32(at + 4, this.nanosecond ? nanos : Math.floor(nanos / 1000), true);
    view.setUint32(at + 8, length, true);
    view.setUint32(at + 12, length, true);
    return at + RECORD_HEADER;
  }
}
