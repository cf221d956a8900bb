import type { Transformation } from '../graph/transformation.ts';

/** The end of a pipeline, returned by `print()`, `writeAsText()` and `addSink()`, to configure the sink operator. */
export class DataStreamSink<T> {
  /** @internal Created by DataStream. */
  constructor(private readonly transformation: Transformation) {}

  name(name: string): this {
    this.transformation.name = name;
    return this;
  }

  /** A stable id (letters, digits, '_', '-'): keeps the sink's identity when the job changes. */
  uid(uid: string): this {
    this.transformation.setUid(uid);
    return this;
  }

  setParallelism(parallelism: number): this {
    this.transformation.setParallelism(parallelism);
    return this;
  }

  setMaxParallelism(maxParallelism: number): this {
    this.transformation.setMaxParallelism(maxParallelism);
    return this;
  }

  disableChaining(): this {
    this.transformation.chainingStrategy = 'never';
    return this;
  }
}
