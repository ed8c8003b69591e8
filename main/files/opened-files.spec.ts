import { describe, expect, it } from 'vitest';
import { captureFilesInArgv, OpenedFiles } from './opened-files';

describe('captureFilesInArgv', () => {
  it('should pick capture files out of a command line and resolve them', () => {
    const argv = ['--enable-logging', 'traffic.PCAP', '/data/a.pcapng', 'notes.txt', 'old.cap', 'x.pcap.gz'];
    expect(captureFilesInArgv(argv, '/home/ana')).toEqual([
      '/home/ana/traffic.PCAP',
      '/data/a.pcapng',
      '/home/ana/old.cap',
      '/home/ana/x.pcap.gz',
    ]);
  });
});

describe('OpenedFiles', () => {
  it('should hand each waiting file over once', () => {
    const files = new OpenedFiles();
    files.add(['/a.pcap', '/b.pcap', '/a.pcap']);
    expect(files.take()).toEqual(['/a.pcap', '/b.pcap']);
    expect(files.take()).toEqual([]);
  });
});
