// Flink's ListStateDescriptor: `new ListStateDescriptor<string>('buffer')`.
import { StateDescriptor } from './state-descriptor.ts';

export class ListStateDescriptor<T> extends StateDescriptor<T[]> {
  readonly type = 'list' as const;

  constructor(name: string) {
    super(name, null);
  }
}
