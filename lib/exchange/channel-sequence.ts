// The consumer's check of one channel's sequence numbers. NATS core delivers in order but
// at most once, so a message lost in flight shows as a gap in the next one's number: the
// channel fails at once instead of going on with a hole in its stream. One comparison per
// message (a batch or an event), none per record.

export class ChannelSequenceError extends Error {
  constructor(readonly channel: string, readonly expected: number, readonly received: number) {
    super(`sequence ${received < expected ? 'duplicate' : 'gap'} on channel ${channel}: expected ${expected}, got ${received}`);
    this.name = 'ChannelSequenceError';
  }
}

/** Expects 0, 1, 2, … each once, and nothing after the channel's `end`. */
export class ChannelSequence {
  private expected = 0;
  private ended = false;

  /** `channel` names it in errors: "e1 1->0". */
  constructor(private readonly channel: string) {}

  /** Throws when the message numbered `seq` is not the next one, or comes after `end`. */
  accept(seq: number, isEnd: boolean): void {
    if (this.ended) throw new Error(`message after end on channel ${this.channel}: seq ${seq}`);
    if (seq !== this.expected) throw new ChannelSequenceError(this.channel, this.expected, seq);
    this.expected++;
    this.ended = isEnd;
  }
}
