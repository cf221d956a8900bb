// The control plane's one wire encoding: actor envelopes (messages, death watch) and the
// status events published outside mailboxes. Plain msgpackr maps: control messages are few
// and of many shapes, so record structures would not pay (the data plane's batches use them).
import { Packr } from 'msgpackr';
import './window-extensions.ts';

const packr = new Packr({ useRecords: false });

export function encodeControl(value: unknown): Uint8Array {
  return packr.pack(value);
}

export function decodeControl<T>(bytes: Uint8Array): T {
  return packr.unpack(bytes) as T;
}
