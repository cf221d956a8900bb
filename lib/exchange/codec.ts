// The wire format of a data channel: one msgpackr message per record batch or control
// event, each stamped with the channel's sequence number so a lost message is detected.
//
// Records use msgpackr's record structures: an object's keys are written once per shape
// and per message, and every later object of that shape is its values only. Each message
// defines its own structures, so any message decodes alone: a consumer that restarts
// mid-stream, or a producer that restarts, needs no agreement on earlier structures.
// A message's strings are bundled (msgpackr's bundleStrings) and decoded in one go.
// `npm run bench -- codec` compares this with plain msgpack maps on Nexmark Bids.
import { Packr, Unpackr } from 'msgpackr';
import type { CheckpointType } from '../checkpoint/checkpoint-type.ts';

/** Control events travel in-band: each keeps its place among the records of its channel. */
export type ChannelEvent =
  | { type: 'end' }
  | { type: 'watermark'; timestamp: number }
  | { type: 'watermark-status'; status: 'idle' | 'active' }
  | { type: 'barrier'; checkpointId: number; timestamp: number; checkpointType?: CheckpointType }
  | { type: 'cancel-checkpoint'; checkpointId: number };

/**
 * A batch's event timestamps travel beside its records, only when some record has one;
 * `null` marks a record without a timestamp.
 */
export type ChannelMessage =
  | { seq: number; records: unknown[]; timestamps?: Array<number | null>; event?: undefined }
  | { seq: number; event: ChannelEvent; records?: undefined; timestamps?: undefined };

/** A record that cannot travel: the message names the place and the cause. */
export class RecordEncodeError extends Error {
  constructor(readonly place: string, readonly reason: string, readonly record?: unknown) {
    super(`record at ${place}: ${reason}`);
    this.name = 'RecordEncodeError';
  }
}

export class FunctionNotEncodable extends Error {}

const channelCodecOptions = { useRecords: true, bundleStrings: true, moreTypes: true } as const;

// msgpackr would encode a function as undefined, silently losing data; make it fail instead.
// With no shared `structures`, every pack starts from none, so every message is self-describing.
const packr = new Packr({ ...channelCodecOptions, writeFunction: () => { throw new FunctionNotEncodable(); } });
// Apart from the packr, so that what one decodes never becomes structures the other assumes.
const unpackr = new Unpackr(channelCodecOptions);

export function describeEncodeFailure(error: unknown): string {
  if (error instanceof FunctionNotEncodable) return 'cannot encode a function';
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'Unknown type: symbol') return 'cannot encode a Symbol';
  if (message === 'Maximum call stack size exceeded') return 'cannot encode a circular (or too deeply nested) structure';
  return `cannot encode: ${message}`;
}

/**
 * Throws RecordEncodeError naming the first record that cannot be encoded. `timestamps`,
 * when given, is parallel to `records` (null where a record has none).
 */
export function encodeBatch(seq: number, records: unknown[], place: string, timestamps?: Array<number | null>): Uint8Array {
  try {
    return packr.pack(timestamps ? { seq, records, timestamps } : { seq, records });
  } catch (batchError) {
    // Only on failure: find the culprit record so the error can show it.
    for (const record of records) {
      try {
        packr.pack(record);
      } catch (recordError) {
        throw new RecordEncodeError(place, describeEncodeFailure(recordError), record);
      }
    }
    throw new RecordEncodeError(place, describeEncodeFailure(batchError));
  }
}

export function encodeEvent(seq: number, event: ChannelEvent): Uint8Array {
  return packr.pack({ seq, event });
}

/** Throws when the bytes are not a channel message (a forged or corrupted publish). */
export function decodeMessage(bytes: Uint8Array): ChannelMessage {
  const message = unpackr.unpack(bytes) as ChannelMessage;
  if (typeof message !== 'object' || message === null || typeof message.seq !== 'number'
    || !(Array.isArray(message.records) || (typeof message.event === 'object' && message.event !== null))) {
    throw new Error('not a channel message: expected { seq, records } or { seq, event }');
  }
  return message;
}

/** A credit grant: the consumer allows the producer `credits` more messages. */
export function encodeCreditGrant(credits: number): Uint8Array {
  return packr.pack(credits);
}

export function decodeCreditGrant(bytes: Uint8Array): number {
  const credits = unpackr.unpack(bytes);
  if (!Number.isInteger(credits) || credits <= 0) throw new Error(`not a credit grant: ${JSON.stringify(credits)}`);
  return credits;
}
