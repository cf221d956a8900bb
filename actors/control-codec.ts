// Encoding of control-plane payloads that travel outside actor mailboxes (status events).
import { Packr } from 'msgpackr';

const packr = new Packr({ useRecords: false });

export function encodeControl(value: unknown): Uint8Array {
  return packr.pack(value);
}

export function decodeControl<T>(bytes: Uint8Array): T {
  return packr.unpack(bytes) as T;
}
