// The settings of one operator, by Flink's names. Both SingleOutputStreamOperator (an
// operator and its output stream) and DataStreamSink (a sink) offer them: they are written
// once here and installed on both classes, which declare them by interface merging.
import type { Transformation } from '../graph/transformation.ts';

export interface OperatorSettings {
  /** The operator's name in the job graph, in task names ("Map -> Filter (2/4)") and in errors. */
  name(name: string): this;
  /**
   * A stable id (letters, digits, '_', '-'). Operators without one get `op-<n>` by creation
   * order; set uids to keep an operator's identity (and its savepoint state) across job changes.
   */
  uid(uid: string): this;
  setParallelism(parallelism: number): this;
  /** The number of key groups: the upper bound to which keyed state can be rescaled. */
  setMaxParallelism(maxParallelism: number): this;
  /** Runs this operator in a task of its own, chained neither to its input nor to its outputs. */
  disableChaining(): this;
  /**
   * Operators of one slot sharing group may share a slot (and so a worker thread); another
   * group's operators never do, and its chains start anew. Without it, an operator is in
   * its inputs' group when they agree, else in 'default'.
   */
  slotSharingGroup(name: string): this;
}

/** What the installed methods need of the class they are installed on. */
type OperatorHandle = OperatorSettings & { readonly transformation: Transformation };

const settings: { [Method in keyof OperatorSettings]: (this: OperatorHandle, ...args: Parameters<OperatorSettings[Method]>) => OperatorHandle } = {
  name(name) {
    this.transformation.name = name;
    return this;
  },
  uid(uid) {
    this.transformation.setUid(uid);
    return this;
  },
  setParallelism(parallelism) {
    this.transformation.setParallelism(parallelism);
    return this;
  },
  setMaxParallelism(maxParallelism) {
    this.transformation.setMaxParallelism(maxParallelism);
    return this;
  },
  disableChaining() {
    this.transformation.chainingStrategy = 'never';
    return this;
  },
  slotSharingGroup(name) {
    if (typeof name !== 'string' || name.length === 0) throw new Error(`${this.transformation.describe()}: a slot sharing group needs a non-empty name (got ${String(name)})`);
    this.transformation.slotSharingGroup = name;
    return this;
  },
};

export function installOperatorSettings(target: { prototype: object }): void {
  Object.assign(target.prototype, settings);
}
