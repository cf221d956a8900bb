import type { Transformation } from '../graph/transformation.ts';
import { installOperatorSettings, type OperatorSettings } from './operator-settings.ts';

/** The end of a pipeline, returned by `print()`, `writeAsText()` and `addSink()`, to configure the sink operator. */
export interface DataStreamSink<T> extends OperatorSettings {}

export class DataStreamSink<T> {
  /** @internal Created by DataStream. */
  constructor(protected readonly transformation: Transformation) {}
}

installOperatorSettings(DataStreamSink);
