// Flink's OutputTag: names a side output of an operator. An operator emits to it with
// `output.collectSide(tag, record)`; those records go only to the edges that consume that
// tag (a StreamEdge's `outputTag`). Tags are equal when their ids are.

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
