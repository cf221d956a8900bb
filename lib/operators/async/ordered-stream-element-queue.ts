// Emits in input order: an entry goes out once it and every entry before it completed.
import type { QueueEntry, RecordEntry, StreamElementQueue } from './stream-element-queue.ts';

export class OrderedStreamElementQueue<OUT> implements StreamElementQueue<OUT> {
  /** entries[head..] are held; the emitted ones before `head` are dropped now and then. */
  private entries: QueueEntry<OUT>[] = [];
  private head = 0;

  get size(): number {
    return this.entries.length - this.head;
  }

  put(entry: QueueEntry<OUT>): void {
    this.entries.push(entry);
  }

  completed(_entry: RecordEntry<OUT>): void {}

  emitCompleted(emit: (entry: QueueEntry<OUT>) => void): void {
    while (this.head < this.entries.length) {
      const first = this.entries[this.head]!;
      if (first.kind === 'record' && first.results === undefined) break;
      this.head++;
      emit(first);
    }
    if (this.head > 64 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  values(): QueueEntry<OUT>[] {
    return this.entries.slice(this.head);
  }
}
