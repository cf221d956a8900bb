import { decodeControl, encodeControl } from '../codec/control-codec.ts';

// What travels on an actor's subject. User messages are wrapped so that the kernel's own
// death-watch traffic shares the subject (and its ordering) without clashing with them.
export type Envelope =
  | { kind: 'message'; body: unknown }
  /** A request: the target answers at once (outside its mailbox) with a WatchAck. */
  | { kind: 'watch'; watcher: string }
  | { kind: 'unwatch'; watcher: string }
  /** Sent by a stopping actor to each of its watchers. */
  | { kind: 'terminated'; address: string }
  /** Part `index` of `count` of an envelope too large for one NATS message (see message-parts.ts). */
  | { kind: 'part'; transfer: string; index: number; count: number; bytes: Uint8Array };

/** The watched actor's node, so the watcher can detect the loss of that process. */
export interface WatchAck {
  nodeId: string;
}

export function encodeEnvelope(envelope: Envelope | WatchAck): Uint8Array {
  return encodeControl(envelope);
}

export function decodeEnvelope<T extends Envelope | WatchAck = Envelope>(data: Uint8Array): T {
  return decodeControl<T>(data);
}
