// A message larger than the NATS server's max_payload travels in parts: a task's checkpoint
// acknowledgement and a deployment's restored state grow with the job's state, past any
// fixed limit. The sender cuts the encoded envelope into parts, published in order on the
// actor's subject (NATS keeps one publisher's order on a subject); the receiving cell
// gathers them and handles the whole once the last part is in.
import { nuid } from 'nats';
import { encodeEnvelope, type Envelope } from './envelope.ts';

export type MessagePart = Extract<Envelope, { kind: 'part' }>;

/** Room kept in each part for the part envelope's own fields. */
const partOverhead = 512;

/** The envelope's bytes as they go out: itself when it fits in `maxPayload`, else its parts. */
export function toPublications(bytes: Uint8Array, maxPayload: number): Uint8Array[] {
  if (bytes.length <= maxPayload) return [bytes];
  const partSize = maxPayload - partOverhead;
  if (partSize <= 0) throw new Error(`the server's max payload of ${maxPayload} bytes leaves no room for message parts`);
  const transfer = nuid.next();
  const count = Math.ceil(bytes.length / partSize);
  return Array.from({ length: count }, (_, index) =>
    encodeEnvelope({ kind: 'part', transfer, index, count, bytes: bytes.subarray(index * partSize, (index + 1) * partSize) }));
}

/** Parts of a sender that stopped halfway are dropped after this long. */
const abandonedAfterMs = 120_000;

export class MessageAssembler {
  private readonly transfers = new Map<string, { parts: Uint8Array[]; received: number; startedAt: number }>();

  /** The whole envelope's bytes once `part` completes it; undefined while parts are missing. */
  add(part: MessagePart): Uint8Array | undefined {
    const now = Date.now();
    let transfer = this.transfers.get(part.transfer);
    if (!transfer) {
      for (const [id, { startedAt }] of this.transfers) if (now - startedAt > abandonedAfterMs) this.transfers.delete(id);
      transfer = { parts: new Array<Uint8Array>(part.count), received: 0, startedAt: now };
      this.transfers.set(part.transfer, transfer);
    }
    if (transfer.parts[part.index] === undefined) transfer.received++;
    transfer.parts[part.index] = part.bytes;
    if (transfer.received < part.count) return undefined;
    this.transfers.delete(part.transfer);
    return Buffer.concat(transfer.parts);
  }
}
