// Operator list state (Flink's PartitionableListState): the list of this subtask, whatever key.
// Its mode says how a restore at another parallelism redistributes it.
import type { ListState } from '../list-state.ts';
import type { OperatorStateDistributionMode } from './operator-state-snapshot.ts';

export class PartitionableListState<T> implements ListState<T> {
  private list: T[];

  constructor(
    readonly name: string,
    readonly mode: OperatorStateDistributionMode,
    restored: T[],
    /** Names the operator subtask in errors. */
    private readonly description: string,
  ) {
    this.list = [...restored];
  }

  get(): Iterable<T> {
    return this.list;
  }

  add(value: T): void {
    this.list.push(this.checked(value));
  }

  addAll(values: Iterable<T>): void {
    for (const value of values) this.add(value);
  }

  update(values: Iterable<T>): void {
    this.list = Array.from(values, (value) => this.checked(value));
  }

  clear(): void {
    this.list = [];
  }

  /** The elements, for a snapshot. */
  snapshot(): T[] {
    return [...this.list];
  }

  private checked(value: T): T {
    if (value === null || value === undefined) throw new TypeError(`operator state "${this.name}" of ${this.description}: you cannot add null to a ListState`);
    return value;
  }
}
