// Flink's OutputTag: names a side output of an operator. Records emitted to it go only to
// the streams that asked for it with `getSideOutput(tag)`; tags are equal when their ids are.

export class OutputTag<T> {
  /** Phantom: ties the tag's type to the records it carries. */
  declare readonly __type?: T;

  constructor(readonly id: string) {
    if (typeof id !== 'string' || id === '') throw new Error('OutputTag: the id must be a non-empty string');
  }

  toString(): string {
    return `OutputTag(${this.id})`;
  }
}
