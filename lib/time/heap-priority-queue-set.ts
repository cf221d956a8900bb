// The timers of one kind (event or processing time) of one timer service (Flink's
// HeapPriorityQueueSet): a binary heap ordered by timestamp, and per key group a map that
// deduplicates (one timer per timestamp, key and namespace) and finds a timer to delete. The
// per-key-group maps are also what a snapshot of one key group reads.
import type { KeyGroup, KeyGroupRange } from '../exchange/key-groups.ts';
import type { TimerHeapInternalTimer } from './internal-timer.ts';

type Timer<K, N> = TimerHeapInternalTimer<K, N>;

/**
 * A string equal for two timers exactly when timestamp, key identity and namespace identity
 * are equal. Identities are primitives; each is tagged by its type's initial (1 and '1'
 * differ), and the key's length is given so that key and namespace cannot run into each other.
 */
export function timerId(timestamp: number, keyIdentity: unknown, namespaceIdentity: unknown): string {
  const key = `${(typeof keyIdentity)[0]}${String(keyIdentity)}`;
  return `${timestamp}|${key.length}|${key}${(typeof namespaceIdentity)[0]}${String(namespaceIdentity)}`;
}

export class HeapPriorityQueueSet<K, N> {
  private readonly heap: Timer<K, N>[] = [];
  /** Indexed by key group minus the range's first key group; by timer id inside. */
  private readonly byKeyGroup: Map<string, Timer<K, N>>[];
  private readonly firstKeyGroup: KeyGroup;
  private nextSequence = 0;

  constructor(keyGroupRange: KeyGroupRange) {
    this.firstKeyGroup = keyGroupRange.startKeyGroup;
    this.byKeyGroup = Array.from({ length: keyGroupRange.endKeyGroup - keyGroupRange.startKeyGroup + 1 }, () => new Map());
  }

  get size(): number {
    return this.heap.length;
  }

  peek(): Timer<K, N> | undefined {
    return this.heap[0];
  }

  /** Adds the timer unless an equal one is queued; true when it became the head. */
  add(timestamp: number, key: K, namespace: N, keyGroup: KeyGroup, id: string): boolean {
    const timers = this.timersOf(keyGroup);
    if (timers.has(id)) return false;
    const timer: Timer<K, N> = { timestamp, key, namespace, keyGroup, id, sequence: this.nextSequence++, heapIndex: this.heap.length };
    timers.set(id, timer);
    this.heap.push(timer);
    this.siftUp(timer.heapIndex);
    return timer.heapIndex === 0;
  }

  /** Removes the timer if it is queued; true when it was the head. */
  remove(keyGroup: KeyGroup, id: string): boolean {
    const timers = this.timersOf(keyGroup);
    const timer = timers.get(id);
    if (!timer) return false;
    timers.delete(id);
    const index = timer.heapIndex;
    const last = this.heap.pop()!;
    if (last !== timer) {
      this.heap[index] = last;
      last.heapIndex = index;
      this.siftDown(index);
      this.siftUp(last.heapIndex);
    }
    return index === 0;
  }

  poll(): Timer<K, N> | undefined {
    const head = this.heap[0];
    if (head) this.remove(head.keyGroup, head.id);
    return head;
  }

  /** The key group's timers, in no particular order. */
  timersInKeyGroup(keyGroup: KeyGroup): Iterable<Timer<K, N>> {
    return this.timersOf(keyGroup).values();
  }

  private timersOf(keyGroup: KeyGroup): Map<string, Timer<K, N>> {
    const timers = this.byKeyGroup[keyGroup - this.firstKeyGroup];
    if (!timers) throw new RangeError(`key group ${keyGroup} is not among this subtask's key groups ${this.firstKeyGroup}..${this.firstKeyGroup + this.byKeyGroup.length - 1}`);
    return timers;
  }

  private siftUp(index: number): void {
    const { heap } = this;
    const timer = heap[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!precedes(timer, parent)) break;
      heap[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    heap[index] = timer;
    timer.heapIndex = index;
  }

  private siftDown(index: number): void {
    const { heap } = this;
    const timer = heap[index]!;
    const half = heap.length >> 1;
    while (index < half) {
      let childIndex = 2 * index + 1;
      const right = heap[childIndex + 1];
      if (right && precedes(right, heap[childIndex]!)) childIndex++;
      const child = heap[childIndex]!;
      if (!precedes(child, timer)) break;
      heap[index] = child;
      child.heapIndex = index;
      index = childIndex;
    }
    heap[index] = timer;
    timer.heapIndex = index;
  }
}

function precedes(a: Timer<unknown, unknown>, b: Timer<unknown, unknown>): boolean {
  return a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.sequence < b.sequence);
}
