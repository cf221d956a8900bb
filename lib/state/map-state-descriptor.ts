// Flink's MapStateDescriptor: `new MapStateDescriptor<string, number>('counts')`. Also the
// descriptor of broadcast state.
import { StateDescriptor } from './state-descriptor.ts';

export class MapStateDescriptor<UK, UV> extends StateDescriptor<Map<UK, UV>> {
  readonly type = 'map' as const;
  /** Only in the type: lets InternalStateFor infer the user key and value types. */
  declare readonly entryType?: [UK, UV];

  constructor(name: string) {
    super(name, null);
  }
}
