// Emits records as they complete, within segments that watermarks bound: the records
// between two watermarks go out in any order, but only after the watermark before them,
// and the watermark after them only once they all went out.
import type { QueueEntry, RecordEntry, StreamElementQueue, WatermarkEntry } from './stream-element-queue.ts';

/** The records received between two watermarks: those still in flight, and those completed but not yet emitted. */
interface RecordSegment<OUT> {
  readonly kind: 'records';
  readonly pending: Set<RecordEntry<OUT>>;
  readonly completed: RecordEntry<OUT>[];
}

type Segment<OUT> = RecordSegment<OUT> | WatermarkEntry;

export class UnorderedStreamElementQueue<OUT> implements StreamElementQueue<OUT> {
  private readonly segments: Segment<OUT>[] = [];
  private readonly segmentOf = new Map<RecordEntry<OUT>, RecordSegment<OUT>>();
  private held = 0;

  get size(): number {
    return this.held;
  }

  put(entry: QueueEntry<OUT>): void {
    this.held++;
    if (entry.kind === 'watermark') {
      this.segments.push(entry);
      return;
    }
    let last = this.segments.at(-1);
    if (last?.kind !== 'records') {
      last = { kind: 'records', pending: new Set(), completed: [] };
      this.segments.push(last);
    }
    last.pending.add(entry);
    this.segmentOf.set(entry, last);
  }

  completed(entry: RecordEntry<OUT>): void {
    const segment = this.segmentOf.get(entry);
    if (!segment) return;
    this.segmentOf.delete(entry);
    segment.pending.delete(entry);
    segment.completed.push(entry);
  }

  emitCompleted(emit: (entry: QueueEntry<OUT>) => void): void {
    while (this.segments.length > 0) {
      const first = this.segments[0]!;
      if (first.kind === 'watermark') {
        this.segments.shift();
        this.held--;
        emit(first);
        continue;
      }
      for (const entry of first.completed.splice(0)) {
        this.held--;
        emit(entry);
      }
      if (first.pending.size > 0 || this.segments.length === 1) return;
      this.segments.shift();
    }
  }

  values(): QueueEntry<OUT>[] {
    return this.segments.flatMap((segment): QueueEntry<OUT>[] => (segment.kind === 'watermark' ? [segment] : [...segment.completed, ...segment.pending]));
  }
}
