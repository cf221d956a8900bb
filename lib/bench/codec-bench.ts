// Benchmark "codec": the channel codec (msgpackr record structures, one message per batch)
// against plain msgpack maps (`useRecords: false`, the codec before), on batches of 1,000
// Nexmark Bids, in this thread: pack and unpack rates and bytes per record.
import { Packr } from 'msgpackr';
import { decodeMessage, encodeBatch } from '../exchange/codec.ts';
import { bidPool } from './bid-pool.ts';
import type { Bid } from './nexmark/nexmark-generator.ts';

export interface CodecReading {
  packPerSecond: number;
  unpackPerSecond: number;
  bytesPerRecord: number;
}

export interface BatchCodec {
  pack(seq: number, records: Bid[]): Uint8Array;
  unpack(bytes: Uint8Array): unknown;
}

const batchSize = 1_000;

export const channelCodec: BatchCodec = {
  pack: (seq, records) => encodeBatch(seq, records, 'codec benchmark'),
  unpack: (bytes) => decodeMessage(bytes),
};

const mapsPackr = new Packr({ useRecords: false, moreTypes: true });
export const plainMapsCodec: BatchCodec = {
  pack: (seq, records) => mapsPackr.pack({ seq, records }),
  unpack: (bytes) => mapsPackr.unpack(bytes),
};

/** Packs `records` bids in batches, then unpacks every batch, timing each phase. */
export function measureCodec(codec: BatchCodec, records: number): CodecReading {
  const bids = bidPool();
  const batches: Bid[][] = [];
  for (let n = 0; n < records; n += batchSize) {
    batches.push(Array.from({ length: Math.min(batchSize, records - n) }, (_, i) => bids[(n + i) % bids.length]!));
  }
  const packed: Uint8Array[] = [];
  const packStart = performance.now();
  for (let seq = 0; seq < batches.length; seq++) packed.push(codec.pack(seq, batches[seq]!));
  const packSeconds = (performance.now() - packStart) / 1000;
  const unpackStart = performance.now();
  for (const bytes of packed) codec.unpack(bytes);
  const unpackSeconds = (performance.now() - unpackStart) / 1000;
  const bytes = packed.reduce((sum, message) => sum + message.length, 0);
  return { packPerSecond: records / packSeconds, unpackPerSecond: records / unpackSeconds, bytesPerRecord: bytes / records };
}
